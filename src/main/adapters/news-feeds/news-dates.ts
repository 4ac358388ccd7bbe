/** Numbers below this are epoch seconds (this many seconds is the year 5138); at or above it, milliseconds. */
const SECONDS_LIMIT = 1e11
/** Later than 9999-12-31 cannot be a publication date, and Date cannot even show it. */
const LATEST_VALID_MS = 253_402_300_799_999

function inRange(ms: number): number | null {
  return ms >= 0 && ms <= LATEST_VALID_MS ? ms : null
}

function fromEpoch(value: number): number | null {
  if (!Number.isFinite(value)) return null
  return inRange(Math.round(Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value))
}

/**
 * A publication time in epoch ms, from what feeds actually send: ISO 8601,
 * RFC 822/2822 (RSS `pubDate`), or epoch seconds or milliseconds as a number
 * or a numeric string. Anything else is null: an undated item is still news.
 */
export function parseNewsDate(value: unknown): number | null {
  if (typeof value === 'number') return fromEpoch(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '') return null
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text))
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? null : inRange(parsed)
}
