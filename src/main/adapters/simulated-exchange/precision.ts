// Venue sizes and prices are decimal multiples of a step, held in binary
// floats; these helpers compare and round with a tolerance so 0.1 + 0.2 lots
// still counts as 0.3 lots.

const RELATIVE_TOLERANCE = 1e-9

// A venue has a handful of distinct steps and rounding runs on every fill, so the answer is kept.
const decimalsCache = new Map<number, number>()

/** Number of decimals a step needs, e.g. 0.01 -> 2, 5 -> 0. */
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

/** True when `value` is a whole multiple of `step`, within float noise. */
export function isOnStep(value: number, step: number): boolean {
  const steps = value / step
  return Math.abs(steps - Math.round(steps)) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(steps))
}

/** The nearest multiple of `step`, written with the step's decimals. */
export function roundToStep(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(decimalsOf(step)))
}

/** The largest multiple of `step` not above `value` (float noise counts as equal). */
export function floorToStep(value: number, step: number): number {
  const steps = value / step
  const whole = Math.floor(steps + RELATIVE_TOLERANCE * Math.max(1, Math.abs(steps)))
  return Number((whole * step).toFixed(decimalsOf(step)))
}
