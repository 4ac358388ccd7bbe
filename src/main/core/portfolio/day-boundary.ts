export const DAY_MS = 86_400_000

/**
 * Start of the trading day holding `at`. Days start at UTC midnight plus
 * `offsetMs`: 0 is UTC, -8 h (or 16 h, the same boundary) starts days at
 * midnight UTC+8, as several Asian venues reset their daily figures.
 */
export function dayStartOf(at: number, offsetMs = 0): number {
  const offset = ((offsetMs % DAY_MS) + DAY_MS) % DAY_MS
  return Math.floor((at - offset) / DAY_MS) * DAY_MS + offset
}
