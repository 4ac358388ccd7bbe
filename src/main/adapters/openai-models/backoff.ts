/** Exponential backoff between retries of one model call; small numbers because a trading cycle is waiting. */
export interface RetryPolicy {
  baseMs: number
  factor: number
  capMs: number
  /** The longest Retry-After we honour; a server asking for more gets this much and then the next attempt. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 500, factor: 2, capMs: 8_000, maxRetryAfterMs: 30_000 }

/**
 * The wait before retry number `retry` (0 for the first): exponential,
 * capped, with equal jitter (half fixed, half random) so pilots that failed
 * together do not all come back in the same millisecond. A server's own
 * Retry-After wins when it asks for longer.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, retryAfterMs: number | null, random: () => number): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, retry))
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2)
  if (retryAfterMs === null) return jittered
  return Math.max(jittered, Math.min(policy.maxRetryAfterMs, retryAfterMs))
}

/** Reads Retry-After (seconds or an HTTP date) or the non-standard retry-after-ms some gateways send. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, nowMs: number): number | null {
  if (!headers) return null
  const millis = Number(headers.get('retry-after-ms'))
  if (headers.get('retry-after-ms') !== null && Number.isFinite(millis) && millis >= 0) return millis
  const raw = headers.get('retry-after')
  if (raw === null || raw.trim() === '') return null
  const seconds = Number(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(raw)
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null
}
