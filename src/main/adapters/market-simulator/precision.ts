/**
 * Rounding to a venue's tick and step sizes. Multiplying floats by 0.1 drifts
 * (3 * 0.1 = 0.30000000000000004), and a venue would reject such a price, so
 * every price and size leaves the simulator cut to the step's decimals.
 */
export function decimalsOf(step: number): number {
  const text = step.toString()
  const exponent = /e-(\d+)$/.exec(text)
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0)
  return text.split('.')[1]?.length ?? 0
}

// Dividing a whole number by a power of ten yields the double nearest the
// decimal, the same as parsing its text, and is far cheaper than toFixed on
// the hot path (every book level and trade of every tick).
const factors = new Map<number, number>()
function factorOf(step: number): number {
  let factor = factors.get(step)
  if (factor === undefined) factors.set(step, (factor = 10 ** decimalsOf(step)))
  return factor
}

export function roundToStep(value: number, step: number): number {
  const factor = factorOf(step)
  return Math.round(Math.round(value / step) * step * factor) / factor
}

/** A price held as a whole number of ticks, turned back into a number. */
export function ticksToPrice(ticks: number, tickSize: number): number {
  const factor = factorOf(tickSize)
  return Math.round(ticks * tickSize * factor) / factor
}
