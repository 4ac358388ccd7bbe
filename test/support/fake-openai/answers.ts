import type { FakeAnswer, FakeDelayAnswer, FakeFaultAnswer, FakeHangUpAnswer, FakeJsonAnswer, FakeRawAnswer, FakeTextAnswer } from './types'

type Extras = Omit<FakeTextAnswer, 'content'>

/**
 * Builders for the answers tests script most often; each is plain data, so
 * `{ status: 429 }` written by hand works the same.
 */
export const answers = {
  text: (content: string, extras: Extras = {}): FakeTextAnswer => ({ content, ...extras }),
  json: (value: unknown, extras: Extras = {}): FakeJsonAnswer => ({ json: value, ...extras }),
  /** DeepSeek reasoner style: the thinking in reasoning_content, the answer in content. */
  reasoned: (reasoning: string, content: string, extras: Extras = {}): FakeTextAnswer => ({ content, reasoning, ...extras }),
  blank: (extras: Extras = {}): FakeTextAnswer => ({ content: '', ...extras }),
  /** The model ran out of tokens mid-object: half the JSON, finish_reason 'length'. */
  truncatedJson: (value: unknown): FakeTextAnswer => {
    const full = JSON.stringify(value)
    return { content: full.slice(0, Math.max(1, Math.floor(full.length / 2))), finishReason: 'length' }
  },
  /** A chatty model that ignored the JSON instruction. */
  prose: (text = 'The market looks constructive overall; I would consider a modest long position with a tight stop.'): FakeTextAnswer => ({ content: text }),
  fault: (status: number, message?: string, headers?: Record<string, string>): FakeFaultAnswer => ({
    status,
    ...(message === undefined ? {} : { body: { error: { message, type: 'fake_error', code: null } } }),
    ...(headers === undefined ? {} : { headers }),
  }),
  rateLimited: (retryAfterSeconds?: number): FakeFaultAnswer => ({
    status: 429,
    ...(retryAfterSeconds === undefined ? {} : { headers: { 'retry-after': String(retryAfterSeconds) } }),
  }),
  serverError: (status = 500): FakeFaultAnswer => ({ status }),
  hangUp: (delayMs?: number): FakeHangUpAnswer => ({ hangUp: true, ...(delayMs === undefined ? {} : { delayMs }) }),
  delay: (delayMs: number, then?: FakeAnswer): FakeDelayAnswer => ({ delayMs, ...(then === undefined ? {} : { then }) }),
  /** A 200 that is not JSON at all, as a misconfigured proxy might send. */
  unreadable: (raw = '<html><body>Bad gateway</body></html>'): FakeRawAnswer => ({ raw, status: 200, contentType: 'application/json' }),
}

/** The resolved form the server acts on. */
export type ResolvedAnswer =
  | { kind: 'choice'; content: string; reasoning: string | null; finishReason: string; usage: FakeTextAnswer['usage']; delayMs: number }
  | { kind: 'fault'; status: number; body: unknown; headers: Record<string, string>; delayMs: number }
  | { kind: 'raw'; status: number; raw: string; contentType: string; delayMs: number }
  | { kind: 'hang-up'; delayMs: number }

/** Turns any answer form into one the server can act on; delays nest by adding up. */
export function resolveAnswer(answer: FakeAnswer, fallback: FakeAnswer, depth = 0): ResolvedAnswer {
  if (depth > 8) throw new Error('fake-openai: delay answers nested too deeply (a default answer that delays into itself?)')
  if (typeof answer === 'string') return choice(answer, {})
  if ('content' in answer) return choice(answer.content, answer)
  if ('json' in answer) return choice(JSON.stringify(answer.json), answer)
  // Raw before fault: a raw answer may carry a status too.
  if ('raw' in answer) return { kind: 'raw', status: answer.status ?? 200, raw: answer.raw, contentType: answer.contentType ?? 'application/json', delayMs: answer.delayMs ?? 0 }
  if ('status' in answer) return { kind: 'fault', status: answer.status, body: answer.body, headers: answer.headers ?? {}, delayMs: answer.delayMs ?? 0 }
  if ('hangUp' in answer) return { kind: 'hang-up', delayMs: answer.delayMs ?? 0 }
  const then = resolveAnswer(answer.then ?? fallback, fallback, depth + 1)
  return { ...then, delayMs: then.delayMs + answer.delayMs }
}

function choice(content: string, extras: Extras): ResolvedAnswer {
  return {
    kind: 'choice',
    content,
    reasoning: extras.reasoning ?? null,
    finishReason: extras.finishReason ?? 'stop',
    usage: extras.usage,
    delayMs: extras.delayMs ?? 0,
  }
}
