/** Epoch milliseconds between 1973 and 5138: a value in seconds (1.6e9) is refused, not read as 1970. */
const MIN_MS = 1e11
const MAX_MS = 1e14

/** Numbers from JSON pass through; CSV text becomes a number, and '' is not zero. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '') return Number(value)
  return Number.NaN
}

/** Epoch ms from a number, a numeric string or an ISO date string; null when it is none of them. */
export function toTimestamp(value: unknown): number | null {
  let ms = toNumber(value)
  if (Number.isNaN(ms) && typeof value === 'string') ms = Date.parse(value)
  return Number.isInteger(ms) && ms >= MIN_MS && ms <= MAX_MS ? ms : null
}

export function isPositive(value: number): boolean {
  return Number.isFinite(value) && value > 0
}

export function describe(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text
}
