import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from '../../../src/main/adapters/openai-models/backoff'
import { redactKey } from '../../../src/main/adapters/openai-models/redact'

describe('retryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY

  it('stays between half and all of the capped exponential step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (retry, random) => {
        const step = Math.min(policy.capMs, policy.baseMs * policy.factor ** retry)
        const delay = retryDelayMs(policy, retry, null, () => random)
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2))
        expect(delay).toBeLessThanOrEqual(step)
      }),
    )
  })

  it("grows with each retry, and honours the server's Retry-After up to a cap", () => {
    const mid = () => 0.5
    expect(retryDelayMs(policy, 1, null, mid)).toBeGreaterThan(retryDelayMs(policy, 0, null, mid))
    expect(retryDelayMs(policy, 0, 5_000, mid)).toBe(5_000)
    expect(retryDelayMs(policy, 0, 10 * 60_000, mid)).toBe(policy.maxRetryAfterMs)
    // A Retry-After shorter than the backoff does not make the wait shorter.
    expect(retryDelayMs(policy, 3, 1, mid)).toBe(retryDelayMs(policy, 3, null, mid))
  })
})

describe('parseRetryAfter', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries)

  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), 0)).toBe(3_000)
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0)).toBe(250)
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:04 GMT' }), now)).toBe(4_000)
  })

  it('is null without a usable header', () => {
    expect(parseRetryAfter(undefined, 0)).toBeNull()
    expect(parseRetryAfter(headers({}), 0)).toBeNull()
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), 0)).toBeNull()
  })
})

describe('redactKey', () => {
  it('removes the exact key wherever it appears, whatever surrounds it', () => {
    const key = fc.string({ minLength: 8, maxLength: 60 }).filter((k) => k.trim().length >= 8)
    fc.assert(
      fc.property(key, fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (secret, before, after) => {
        const text = `${before}${secret}${after}`
        expect(redactKey(text, secret)).not.toContain(secret)
      }),
    )
  })

  it('removes bearer tokens and sk- keys it was not told about', () => {
    const text = 'Authorization: Bearer abc.def-123 failed; key sk-proj-AbCdEf123456 refused; api_key=zzz999'
    const clean = redactKey(text, null)
    expect(clean).not.toContain('abc.def-123')
    expect(clean).not.toContain('AbCdEf123456')
    expect(clean).not.toContain('zzz999')
    expect(clean).toContain('refused')
  })

  it('caps what a server can push into a message', () => {
    expect(redactKey('x'.repeat(5_000), null).length).toBeLessThanOrEqual(301)
  })
})
