/**
 * HTTP side of the fake: routing, the bearer-key check, the request log, and
 * acting out each answer (delays, faults, hang-ups). Paths work with and
 * without the /v1 prefix, since some vendors' base URLs have none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolveAnswer, type ResolvedAnswer } from './answers'
import type { AnswerScript } from './script'
import type { ChatRequestBody, RecordedRequest } from './types'
import { chatBodyProblem, completionBody, errorBody } from './wire'

/** Bodies beyond this are refused (413) instead of buffered: the fake should not be a memory sink. */
const MAX_BODY_BYTES = 5 * 1024 * 1024

export interface FakeServerState {
  script: AnswerScript
  requiredKey: string | null
  models: string[]
}

export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = []
  private readonly server: Server
  private readonly timers = new Set<NodeJS.Timeout>()
  private completions = 0

  constructor(private readonly state: FakeServerState) {
    this.server = createServer((req, res) => this.onRequest(req, res))
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => resolve())
    })
    return (this.server.address() as AddressInfo).port
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    // Held answers (delays) keep sockets open; close() alone would wait for them.
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  clearLog(): void {
    this.requests.length = 0
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => this.dispatch(req, res, tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, rawBody: string | null): void {
    const method = req.method ?? 'GET'
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/'
    const route = path.replace(/^\/v1(?=\/)/, '')
    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      path,
      headers: { ...req.headers },
      apiKey: bearerToken(req.headers.authorization),
      body: null,
      outcome: 'pending',
      at: Date.now(),
    }
    this.requests.push(record)
    const finish = (outcome: string, status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.outcome = outcome
      sendJson(res, status, body, headers)
    }

    if (rawBody === null) return finish('too-large', 413, errorBody(413, `request body over ${MAX_BODY_BYTES} bytes`))
    if (this.state.requiredKey !== null && record.apiKey !== this.state.requiredKey) {
      // Echoes the key it was given, in full, as some real servers do: tests use this to prove clients redact it.
      const received = record.apiKey === null ? 'none' : record.apiKey
      return finish('unauthorized', 401, errorBody(401, `Incorrect API key provided: ${received}. Check the key in your settings.`))
    }
    if (method === 'GET' && route === '/models') {
      return finish('models', 200, { object: 'list', data: this.state.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake-openai' })) })
    }
    if (method !== 'POST' || route !== '/chat/completions') return finish('not-found', 404, errorBody(404, `no route ${method} ${path}`))

    let parsed: unknown
    try {
      parsed = JSON.parse(rawBody)
    } catch {
      return finish('invalid', 400, errorBody(400, 'the body is not valid JSON'))
    }
    const problem = chatBodyProblem(parsed)
    if (problem) return finish('invalid', 400, errorBody(400, problem))
    const body = parsed as ChatRequestBody
    record.body = body

    let answer: ResolvedAnswer
    try {
      answer = resolveAnswer(this.state.script.next(body, record), this.state.script.fallback)
    } catch (error) {
      // A responder that throws is a bug in the test; a 500 with its message makes it visible.
      return finish('responder-error', 500, errorBody(500, `fake responder failed: ${error instanceof Error ? error.message : String(error)}`))
    }
    this.afterDelay(answer.delayMs, res, () => this.act(answer, body, record, res, finish))
  }

  private act(answer: ResolvedAnswer, body: ChatRequestBody, record: RecordedRequest, res: ServerResponse, finish: (outcome: string, status: number, body: unknown, headers?: Record<string, string>) => void): void {
    switch (answer.kind) {
      case 'choice':
        this.completions += 1
        return finish('answer', 200, completionBody(answer, body, this.completions))
      case 'fault':
        return finish(`fault ${answer.status}`, answer.status, answer.body ?? errorBody(answer.status), answer.headers)
      case 'raw':
        record.outcome = 'raw'
        res.writeHead(answer.status, { 'content-type': answer.contentType })
        res.end(answer.raw)
        return
      case 'hang-up':
        record.outcome = 'hang-up'
        res.socket?.destroy()
        return
      default: {
        const unreachable: never = answer
        throw new Error(`unknown answer ${JSON.stringify(unreachable)}`)
      }
    }
  }

  /** Runs `then` after the delay unless the client gave up first (its timeout or abort closed the socket). */
  private afterDelay(delayMs: number, res: ServerResponse, then: () => void): void {
    if (delayMs <= 0) return then()
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!res.destroyed && !res.writableEnded) then()
    }, delayMs)
    this.timers.add(timer)
    res.on('close', () => {
      clearTimeout(timer)
      this.timers.delete(timer)
    })
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  return match?.[1] ?? null
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `req-fake-${Date.now()}`, ...headers })
  res.end(text)
}
