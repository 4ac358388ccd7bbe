import { describe, expect, it } from 'vitest'
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai'
import { translateModelError, type CallDescription } from '../../../src/main/adapters/openai-models/translate-error'
import { ModelError } from '../../../src/main/ports/model-client'

// The SDK's own error classes, built as the SDK builds them from a response.
describe('translateModelError', () => {
  const KEY = 'sk-translate-key-0123456789'
  const call: CallDescription = { providerId: 'qwen', model: 'qwen-plus', timeoutMs: 30_000, apiKey: KEY }
  const http = (status: number, message: string, headers: Record<string, string> = {}) =>
    APIError.generate(status, { error: { message, type: 'x' } }, undefined, new Headers(headers))
  const kindOf = (error: unknown, description: CallDescription = call) => translateModelError(error, description, 0).error.kind

  it.each([
    [429, 'rate_limited'],
    [408, 'timeout'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'bad_request'],
    [404, 'bad_request'],
    [409, 'bad_request'],
    [422, 'bad_request'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i is %s', (status, kind) => {
    const { error } = translateModelError(http(status, 'nope'), call, 0)
    expect(error).toBeInstanceOf(ModelError)
    expect(error).toMatchObject({ kind, status })
    expect(error.message).toMatch(new RegExp(`^qwen/qwen-plus: .*\\(HTTP ${status}\\): nope$`))
  })

  it('separates timeouts, cancellations and connection failures', () => {
    expect(kindOf(new APIConnectionTimeoutError())).toBe('timeout')
    expect(kindOf(new APIUserAbortError())).toBe('cancelled')
    expect(kindOf(new APIConnectionError({ cause: new Error('ECONNRESET') }))).toBe('network')
    expect(kindOf(new SyntaxError('Unexpected token <'))).toBe('server')
    expect(kindOf(new OpenAIError('Missing credentials'))).toBe('bad_request')
    expect(kindOf(new TypeError('fetch failed'))).toBe('network')
  })

  it('calls anything a cancellation once the caller aborted', () => {
    const aborted = { ...call, signal: AbortSignal.abort() }
    expect(kindOf(new APIConnectionTimeoutError(), aborted)).toBe('cancelled')
    expect(kindOf(new APIConnectionError({ cause: new Error('socket closed') }), aborted)).toBe('cancelled')
  })

  it('carries Retry-After of a 429 or 5xx, never of a 4xx', () => {
    expect(translateModelError(http(429, 'slow down', { 'retry-after': '2' }), call, 0).retryAfterMs).toBe(2_000)
    expect(translateModelError(http(503, 'busy', { 'retry-after-ms': '1500' }), call, 0).retryAfterMs).toBe(1_500)
    expect(translateModelError(http(400, 'bad', { 'retry-after': '2' }), call, 0).retryAfterMs).toBeNull()
  })

  it("keeps the server's explanation and cuts the key out of it", () => {
    const { error } = translateModelError(http(401, `Incorrect API key provided: ${KEY}`), call, 0)
    expect(error.message).toContain('Incorrect API key provided')
    expect(error.message).not.toContain(KEY)
  })

  it('passes a ModelError through unchanged', () => {
    const original = new ModelError('no_key', 'none stored')
    expect(translateModelError(original, call, 0).error).toBe(original)
  })
})
