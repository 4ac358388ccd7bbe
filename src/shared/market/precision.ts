/**
 * Rounding to a venue's tick and step sizes. Venue prices and sizes are
 * decimal multiples of a step held in binary floats (3 * 0.1 is
 * 0.30000000000000004), and a venue rejects such a price, so every price and
 * size is cut to the step's decimals and compared with a tolerance.
 */

const RELATIVE_TOLERANCE = 1e-9

// A venue has a handful of distinct steps and rounding runs on every book
// level and fill, so the decimals and powers of ten are kept.
const decimalsCache = new Map<number, number>()
const factorCache = new Map<number, number>()

/** Number of decimals a step needs, e.g. 0.01 -> 2, 5 -> 0, 1e-8 -> 8. */
export function decimalsOf(step: number): number {
  const cached = decimalsCache.get(step)
  if (cached !== undefined) return cached
  let decimals = 0
  while (decimals < 15) {
    const scaled = step * 10 ** decimals
    if (Math.abs(scaled - Math.round(scaled)) <= RELATIVE_TOLERANCE * Math.max(1, scaled)) break
    decimals++
  }
  decimalsCache.set(step, decimals)
  return decimals
}

// Dividing a whole number by a power of ten yields the double nearest the
// decimal, the same as parsing its text, and is far cheaper than toFixed.
function factorOf(step: number): number {
  let factor = factorCache.get(step)
  if (factor === undefined) factorCache.set(step, (factor = 10 ** decimalsOf(step)))
  return factor
}

/** The nearest multiple of `step`. */
export function roundToStep(value: number, step: number): number {
  const factor = factorOf(step)
  return Math.round(Math.round(value / step) * step * factor) / factor
}

/** The largest multiple of `step` not above `value` (float noise counts as equal). */
export function floorToStep(value: number, step: number): number {
  const steps = value / step
  const whole = Math.floor(steps + RELATIVE_TOLERANCE * Math.max(1, Math.abs(steps)))
  const factor = factorOf(step)
  return Math.round(whole * step * factor) / factor
}

/** True when `value` is a whole multiple of `step`, within float noise. */
export function isOnStep(value: number, step: number): boolean {
  const steps = value / step
  return Math.abs(steps - Math.round(steps)) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(steps))
}

/** A price held as a whole number of ticks, turned back into a number. */
export function ticksToPrice(ticks: number, tickSize: number): number {
  const factor = factorOf(tickSize)
  return Math.round(ticks * tickSize * factor) / factor
}
