import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai'
import { ModelError, type ModelErrorKind } from '../../ports/model-client'
import { parseRetryAfter } from './backoff'
import { redactKey } from './redact'

/** What the failed call was, for the message and for redaction. */
export interface CallDescription {
  providerId: string
  model: string
  timeoutMs: number
  /** The key the call was made with, so an echo of it can be cut out of the server's text. */
  apiKey: string | null
  signal?: AbortSignal | undefined
}

export interface TranslatedError {
  error: ModelError
  /** How long the server asked us to wait (429/503 Retry-After), when it said. */
  retryAfterMs: number | null
}

/**
 * Turns anything the SDK threw into a ModelError, once, at the adapter's
 * edge. The order of the checks matters: the SDK's abort and timeout errors
 * are subclasses of its connection error, which is a subclass of APIError.
 */
export function translateModelError(error: unknown, call: CallDescription, nowMs: number): TranslatedError {
  if (error instanceof ModelError) return { error, retryAfterMs: null }
  const who = `${call.providerId}/${call.model}`
  const make = (kind: ModelErrorKind, detail: string, status: number | null = null, retryAfterMs: number | null = null): TranslatedError => ({
    error: new ModelError(kind, redactKey(`${who}: ${detail}`, call.apiKey), status),
    retryAfterMs,
  })

  // Whatever the SDK made of it, a call the caller cancelled is a cancellation, not a failure to retry.
  if (call.signal?.aborted || error instanceof APIUserAbortError) return make('cancelled', 'the call was cancelled')
  if (error instanceof APIConnectionTimeoutError) return make('timeout', `no answer within ${call.timeoutMs} ms`)
  if (error instanceof APIConnectionError) return make('network', `could not reach the provider (${causeText(error)})`)
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status
    const kind = kindOfStatus(status)
    const retryAfter = kind === 'rate_limited' || kind === 'server' ? parseRetryAfter(error.headers, nowMs) : null
    return make(kind, `${describeKind(kind)} (HTTP ${status}): ${serverText(error)}`, status, retryAfter)
  }
  // A 200 whose body is not JSON: the server (or a proxy in front of it) is broken, which may pass.
  if (error instanceof SyntaxError) return make('server', `the answer was not valid JSON (${error.message})`)
  if (error instanceof OpenAIError) return make('bad_request', `the SDK refused the call: ${error.message}`)
  return make('network', `the call failed: ${error instanceof Error ? error.message : String(error)}`)
}

function kindOfStatus(status: number): ModelErrorKind {
  if (status === 429) return 'rate_limited'
  if (status === 408) return 'timeout'
  if (status === 401 || status === 403) return 'auth'
  if (status >= 500) return 'server'
  return 'bad_request'
}

function describeKind(kind: ModelErrorKind): string {
  switch (kind) {
    case 'rate_limited':
      return 'rate limited'
    case 'timeout':
      return 'the server timed out'
    case 'auth':
      return 'the key was refused'
    case 'server':
      return 'server error'
    case 'bad_request':
      return 'the request was refused'
    case 'cancelled':
    case 'network':
    case 'no_key':
    case 'unsupported':
      return kind
    default: {
      const unreachable: never = kind
      return unreachable
    }
  }
}

/** The server's own explanation: OpenAI-style bodies carry it in error.message; others get the SDK's summary. */
function serverText(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined
  if (body && typeof body.message === 'string' && body.message.trim() !== '') return body.message
  return error.message
}

function causeText(error: APIConnectionError): string {
  const cause = error.cause
  const inner = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : null
  return inner ? `${error.message} ${inner}` : error.message
}
