import { HandlerError } from '../../../../shared/contract/envelope'
import { TIMEFRAME_MS, type Timeframe } from '../../../../shared/domain/market'

/** A renderer's clock may run a little ahead of the kernel's; within this, a `to` past now is read as now. */
export const CLOCK_SKEW_MS = 60_000

export interface DownloadRange {
  from: number
  /** Clamped to now. */
  to: number
  /** Complete candles of the timeframe in the range. */
  candles: number
}

const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * Checks a requested range before any venue is asked: it must end by now
 * (a candle not yet closed cannot be stored), hold at least one complete
 * candle, and stay under the cap, which keeps one click from queueing
 * millions of requests against a venue's rate limit.
 */
export function checkDownloadRange(input: { from: number; to: number; timeframe: Timeframe }, now: number, maxCandles: number): DownloadRange {
  const { from, timeframe } = input
  if (input.to > now + CLOCK_SKEW_MS) {
    throw new HandlerError('invalid_input', `The range ends at ${iso(input.to)}, later than now (${iso(now)}); only candles that have closed can be downloaded`)
  }
  const to = Math.min(input.to, now)
  const ms = TIMEFRAME_MS[timeframe]
  const candles = Math.max(0, Math.floor(to / ms) - Math.ceil(from / ms))
  if (candles === 0) {
    throw new HandlerError('invalid_input', `The range ${iso(from)} to ${iso(to)} holds no complete ${timeframe} candle; widen it or pick a shorter timeframe`)
  }
  if (candles > maxCandles) {
    throw new HandlerError('invalid_input', `The range holds ${candles} ${timeframe} candles, more than the ${maxCandles} one download may fetch; pick a shorter range or a longer timeframe`)
  }
  return { from, to, candles }
}
