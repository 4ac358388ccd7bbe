import { dayStartOf } from './day-boundary'
import { roundMoney } from './money'

export interface EquityPoint {
  at: number
  equity: number
  /** Cash (wallet) balance, before unrealized PnL. */
  balance: number
  unrealized: number
}

/** A fall from a reference level: amount in the curve's currency, pct in percent (5 is 5 %), 0 when the level is not positive. */
export interface Drawdown {
  amount: number
  pct: number
}

export interface DailyDrawdown {
  dayStart: number
  /** Equity when the day began: the last equity seen before its first observation. */
  open: number
  /** Highest equity seen since the day began, the open included. */
  peak: number
  fromOpen: Drawdown
  fromPeak: Drawdown
}

export interface EquityCurveOptions {
  /** Store at most one point per this many ms. */
  intervalMs: number
  /** Stored points before the curve thins itself (at least 2). */
  maxPoints: number
  dayBoundaryOffsetMs: number
}

/**
 * Equity over time, for charts and the drawdown breakers.
 *
 * Downsampling rule: an observation is stored when `intervalMs` or more
 * have passed since the last stored point; the others are not stored but
 * still move the latest value, the peaks and the drawdowns, which are
 * therefore exact whatever the sampling. When more than `maxPoints` are
 * stored, every second point is dropped (the newest kept) and the interval
 * doubles, so a long run keeps an evenly spread curve in bounded memory.
 * `points()` ends with the latest observation even if it was not stored.
 *
 * Time never runs backwards here: an observation stamped before the latest
 * (a late fill) counts at the latest time.
 */
export interface EquityCurve {
  /** Returns whether the point was stored. */
  record(point: EquityPoint): boolean
  /** Capital moved in (positive) or out: references move with it, so a withdrawal is not a drawdown. */
  shift(amount: number, at: number): void
  points(): EquityPoint[]
  latest(): EquityPoint | null
  intervalMs(): number
  peak(): number | null
  /** From the highest equity ever seen to the latest. */
  drawdown(): Drawdown
  /** Largest amount and largest percentage fall from a prior peak (each its own maximum). */
  maxDrawdown(): Drawdown
  daily(): DailyDrawdown | null
}

function fall(level: number, equity: number): Drawdown {
  const amount = roundMoney(Math.max(0, level - equity))
  return { amount, pct: level > 0 ? (amount / level) * 100 : 0 }
}

export function createEquityCurve(options: EquityCurveOptions): EquityCurve {
  if (!(options.intervalMs >= 0)) throw new RangeError(`intervalMs must be >= 0, received ${options.intervalMs}`)
  if (!(options.maxPoints >= 2)) throw new RangeError(`maxPoints must be at least 2, received ${options.maxPoints}`)
  let interval = options.intervalMs
  let stored: EquityPoint[] = []
  let latest: EquityPoint | null = null
  let peak: number | null = null
  let max: Drawdown = { amount: 0, pct: 0 }
  let day: { start: number; open: number; peak: number } | null = null

  const clamp = (at: number): number => (latest ? Math.max(at, latest.at) : at)
  const roll = (at: number, equity: number): void => {
    const start = dayStartOf(at, options.dayBoundaryOffsetMs)
    if (day && day.start >= start) return
    const open = latest?.equity ?? equity
    day = { start, open, peak: open }
  }
  const thin = (): void => {
    const last = stored[stored.length - 1]!
    stored = stored.filter((_, i) => i % 2 === 0)
    if (stored[stored.length - 1] !== last) stored.push(last)
    interval = Math.max(1, interval * 2)
  }

  return {
    record(input) {
      // Frozen: points() and latest() hand them out, and a caller must not rewrite history.
      const point = Object.freeze({ ...input, at: clamp(input.at) })
      roll(point.at, point.equity)
      latest = point
      peak = peak === null ? point.equity : Math.max(peak, point.equity)
      const now = fall(peak, point.equity)
      max = { amount: Math.max(max.amount, now.amount), pct: Math.max(max.pct, now.pct) }
      day!.peak = Math.max(day!.peak, point.equity)
      const last = stored[stored.length - 1]
      if (last && point.at - last.at < interval) return false
      stored.push(point)
      if (stored.length > options.maxPoints) thin()
      return true
    },
    shift(amount, at) {
      if (!latest) return
      roll(clamp(at), latest.equity)
      if (peak !== null) peak = roundMoney(peak + amount)
      day!.open = roundMoney(day!.open + amount)
      day!.peak = roundMoney(day!.peak + amount)
    },
    points() {
      const last = stored[stored.length - 1]
      return latest && latest !== last ? [...stored, latest] : [...stored]
    },
    latest: () => latest,
    intervalMs: () => interval,
    peak: () => peak,
    drawdown: () => (latest && peak !== null ? fall(peak, latest.equity) : { amount: 0, pct: 0 }),
    maxDrawdown: () => max,
    daily() {
      if (!day || !latest) return null
      return { dayStart: day.start, open: day.open, peak: day.peak, fromOpen: fall(day.open, latest.equity), fromPeak: fall(day.peak, latest.equity) }
    },
  }
}
