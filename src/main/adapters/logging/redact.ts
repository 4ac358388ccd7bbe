/** Field names whose values are never written anywhere. */
const SECRET_KEY = /(api[-_]?key|secret|passphrase|password|passwd|token|authorization|cookie|private[-_]?key|signature)/i

// Secrets that hide inside free text: query strings, bearer headers, OpenAI-style keys.
const SECRET_IN_TEXT: readonly [RegExp, string][] = [
  [/(\b(?:api[-_]?key|key|token|secret|signature|sign|password|passphrase)\s*[=:]\s*)[^&\s"',;]+/gi, '$1[REDACTED]'],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[REDACTED]'],
  [/\bsk-[A-Za-z0-9_-]{12,}/g, '[REDACTED]'],
]

export const REDACTED = '[REDACTED]'

export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text)
}

/**
 * Returns a copy of a log record with secret-named fields masked and secrets
 * in strings scrubbed. Depth-limited and cycle-safe, since log fields are
 * arbitrary.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 8) return '[Truncated]'
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined }
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && field !== null && field !== undefined ? REDACTED : redact(field, depth + 1, seen)
  }
  return out
}
