/**
 * Public types of the fake OpenAI-compatible server. They are a contract
 * with the adapter's tests, the end-to-end tests and the headless app's
 * --model-endpoint runs: add fields, never rename.
 */

/** Token counts the fake reports in `usage`. */
export interface FakeUsage {
  promptTokens: number
  completionTokens: number
}

interface Delayed {
  /** Hold the answer this long first (longer than the client's timeout makes it time out). */
  delayMs?: number
}

interface ChoiceExtras extends Delayed {
  /** Sent as message.reasoning_content, as DeepSeek's reasoner does. */
  reasoning?: string
  /** Default 'stop'. */
  finishReason?: 'stop' | 'length' | 'content_filter' | 'tool_calls'
  /** Default: estimated from the text (about 4 characters a token); null leaves `usage` out entirely. */
  usage?: FakeUsage | null
}

/** A 200 answer whose message content is this text, exactly (blank, prose or broken JSON included). */
export interface FakeTextAnswer extends ChoiceExtras {
  content: string
}

/** A 200 answer whose content is this value serialised as JSON. */
export interface FakeJsonAnswer extends ChoiceExtras {
  json: unknown
}

/** An HTTP error: OpenAI's error body for the status unless `body` is given. */
export interface FakeFaultAnswer extends Delayed {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** Raw bytes as the body (an unreadable 200, an HTML error page from a proxy). */
export interface FakeRawAnswer extends Delayed {
  raw: string
  status?: number
  contentType?: string
}

/** Destroys the socket without answering: the client sees a connection reset. */
export interface FakeHangUpAnswer extends Delayed {
  hangUp: true
}

/** Waits, then gives `then` (or the default answer). The way to make a client time out. */
export interface FakeDelayAnswer {
  delayMs: number
  then?: FakeAnswer
}

/** A bare string is shorthand for `{ content: string }`. */
export type FakeAnswer = string | FakeTextAnswer | FakeJsonAnswer | FakeFaultAnswer | FakeRawAnswer | FakeHangUpAnswer | FakeDelayAnswer

/** The chat-completions body as the client sent it, loosely typed: tests assert on what arrived. */
export interface ChatRequestBody {
  model: string
  messages: Array<{ role: string; content: unknown }>
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } }
  temperature?: number
  top_p?: number
  max_tokens?: number
  max_completion_tokens?: number
  [field: string]: unknown
}

export interface RecordedRequest {
  /** 0, 1, 2 … in arrival order. */
  index: number
  method: string
  path: string
  /** Lower-cased header names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>
  /** The bearer token of the Authorization header, null without one. */
  apiKey: string | null
  /** The parsed body of a chat call; null for GETs and unreadable bodies. */
  body: ChatRequestBody | null
  /** What the fake did: 'answer', 'fault 429', 'hang-up', 'raw', 'unauthorized', 'invalid' … */
  outcome: string
  at: number
}

/** Answers a call from its content (e.g. by the role named in the system prompt); undefined falls through to the default. */
export type FakeResponder = (body: ChatRequestBody, request: RecordedRequest) => FakeAnswer | undefined

export interface FakeOpenAiOptions {
  /** Refuse (401) any call whose bearer token is not this key. Default: any key, or none, is accepted. */
  requireKey?: string
  /** What GET /v1/models lists. */
  models?: string[]
  /** The answer when nothing is scripted and no responder answers. Default: the text "OK". */
  defaultAnswer?: FakeAnswer
  responder?: FakeResponder
  /** Default 0 (a free port). */
  port?: number
}

export interface FakeOpenAi {
  /** The API root to give a client as its base URL: http://127.0.0.1:PORT/v1. */
  readonly url: string
  readonly port: number
  /** Every request in arrival order, chat calls and others, refused ones included. */
  readonly requests: readonly RecordedRequest[]
  /** Only POST …/chat/completions requests. */
  chatRequests(): RecordedRequest[]
  /** Queues answers for the next chat calls, one each, in order, whatever the model. */
  script(...answers: FakeAnswer[]): void
  /** Queues answers for the next chat calls naming this model; they go before the shared queue. */
  scriptFor(model: string, ...answers: FakeAnswer[]): void
  /** Answers what no script covers; null removes it. */
  respondWith(responder: FakeResponder | null): void
  setDefault(answer: FakeAnswer): void
  /** Changes the key required from now on; null accepts any. */
  setRequiredKey(key: string | null): void
  /** Scripted answers not yet used. */
  pending(): number
  /** Forgets the request log and the scripts, and puts the responder and default answer back to the options'. */
  reset(): void
  close(): Promise<void>
}
