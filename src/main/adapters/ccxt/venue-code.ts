/**
 * Venues put their own error code inside the text ccxt raises ("okx
 * {"code":"1","data":[{"sCode":"51016",...}]}"). These helpers dig it out so
 * the profile's code table can name the reason precisely.
 */

const CODE_KEYS = ['sCode', 'code', 'retCode', 'err-code', 'err_code', 'error_code', 'errorCode']

/** The most specific non-success code in an error text, or null. */
export function extractVenueCode(text: string): string | null {
  const body = parseEmbeddedJson(text)
  if (body !== null) {
    const found = findCode(body)
    if (found !== null) return found
  }
  // Texts that are not JSON still often carry `"sCode":"51016"` or `code: 51016`.
  const match = /"?(?:sCode|retCode|code)"?\s*[:=]\s*"?(-?\d{3,6})"?/.exec(text)
  return match && !isSuccess(match[1]!) ? match[1]! : null
}

function parseEmbeddedJson(text: string): unknown {
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  if (start < 0 || end <= start) return null
  try {
    return JSON.parse(text.slice(start, end + 1)) as unknown
  } catch {
    return null
  }
}

// Per-item codes (OKX data[].sCode) beat the envelope's code, which is only "1" (failed) there.
function findCode(body: unknown): string | null {
  if (!isRecord(body)) return null
  const data = body['data']
  if (Array.isArray(data)) {
    for (const item of data) {
      const nested = isRecord(item) ? codeOf(item) : null
      if (nested !== null) return nested
    }
  }
  const error = body['error']
  if (isRecord(error)) {
    const nested = codeOf(error)
    if (nested !== null) return nested
  }
  return codeOf(body)
}

function codeOf(record: Record<string, unknown>): string | null {
  for (const key of CODE_KEYS) {
    const value = record[key]
    if (typeof value === 'string' || typeof value === 'number') {
      const code = String(value)
      // OKX's envelope code "1"/"2" only says "failed"/"partly failed": not a reason.
      if (!isSuccess(code) && code !== '1' && code !== '2') return code
    }
  }
  return null
}

function isSuccess(code: string): boolean {
  return code === '0' || code === '' || code === '200'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Retry-After as milliseconds from a response's headers (seconds or an HTTP date), or null. */
export function parseRetryAfter(headers: Record<string, unknown> | undefined, now: number): number | null {
  if (!headers) return null
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === 'retry-after')
  if (!entry) return null
  const raw = String(entry[1]).trim()
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000)
  const at = Date.parse(raw)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
