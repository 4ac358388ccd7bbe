import type { ChatRequestBody, FakeAnswer, FakeResponder, RecordedRequest } from './types'

export const DEFAULT_FAKE_ANSWER: FakeAnswer = 'OK'

/**
 * Which answer the next chat call gets: the model's own queue first, then
 * the shared queue, then the responder, then the default answer.
 */
export class AnswerScript {
  private readonly shared: FakeAnswer[] = []
  private readonly byModel = new Map<string, FakeAnswer[]>()
  private responder: FakeResponder | null
  fallback: FakeAnswer

  constructor(responder: FakeResponder | null, fallback: FakeAnswer) {
    this.responder = responder
    this.fallback = fallback
  }

  push(answers: FakeAnswer[]): void {
    this.shared.push(...answers)
  }

  pushFor(model: string, answers: FakeAnswer[]): void {
    const queue = this.byModel.get(model) ?? []
    queue.push(...answers)
    this.byModel.set(model, queue)
  }

  respondWith(responder: FakeResponder | null): void {
    this.responder = responder
  }

  next(body: ChatRequestBody, request: RecordedRequest): FakeAnswer {
    const own = this.byModel.get(body.model)
    if (own && own.length > 0) return own.shift() as FakeAnswer
    if (this.shared.length > 0) return this.shared.shift() as FakeAnswer
    return this.responder?.(body, request) ?? this.fallback
  }

  pending(): number {
    let count = this.shared.length
    for (const queue of this.byModel.values()) count += queue.length
    return count
  }

  clear(responder: FakeResponder | null, fallback: FakeAnswer): void {
    this.shared.length = 0
    this.byModel.clear()
    this.responder = responder
    this.fallback = fallback
  }
}
