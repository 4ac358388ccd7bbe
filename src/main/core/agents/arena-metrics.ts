/** A point of an equity curve. */
export interface EquityPoint {
  at: number
  equity: number
}

const YEAR_MS = 365 * 24 * 3600 * 1000
/** Fewer returns than this make a Sharpe ratio noise, so none is shown. */
const MIN_RETURNS = 10

/**
 * Annualised Sharpe ratio (risk-free rate 0) of an equity curve. The curve's
 * points are irregular, so returns are taken between consecutive points and
 * annualised by the curve's own average spacing.
 */
export function sharpeRatio(points: readonly EquityPoint[]): number | null {
  if (points.length < MIN_RETURNS + 1) return null
  const returns: number[] = []
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!.equity
    if (prev > 0) returns.push(points[i]!.equity / prev - 1)
  }
  if (returns.length < MIN_RETURNS) return null
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1)
  const sd = Math.sqrt(variance)
  if (!(sd > 0)) return null
  const span = points.at(-1)!.at - points[0]!.at
  if (!(span > 0)) return null
  const periodsPerYear = YEAR_MS / (span / returns.length)
  return (mean / sd) * Math.sqrt(periodsPerYear)
}

/** Largest fall from a running peak, in percent of that peak. */
export function maxDrawdownPct(points: readonly EquityPoint[]): number {
  let peak = -Infinity
  let worst = 0
  for (const { equity } of points) {
    peak = Math.max(peak, equity)
    if (peak > 0) worst = Math.max(worst, ((peak - equity) / peak) * 100)
  }
  return worst
}
