import type { Rng } from './prng'
import { roundToStep } from '../../../shared/market/precision'

const HOUR = 3_600_000
export const FUNDING_INTERVAL_MS = 8 * HOUR
const PREMIUM_MEAN = 0.0001 // 0.01% per 8 h: the usual resting funding rate of USDT perpetuals
const PREMIUM_STDEV = 0.0002
const PREMIUM_HALF_LIFE_MS = 2 * HOUR
const RATE_CAP = 0.00375 // OKX's default cap for major perpetuals
const MARK_SMOOTHING_MS = 1_000

export interface FundingState {
  markPrice: number
  indexPrice: number
  rate: number
}

export interface FundingModel {
  /** Moves the premium and the smoothed mark one step of `dtMs` towards `mid`. */
  step(mid: number, dtMs: number): void
  state(tickSize: number): FundingState
}

/**
 * Mark price as a short moving average of the mid (so it tracks the book
 * but does not jump with every quote), an index below it by a premium that
 * wanders slowly (mean-reverting), and a funding rate equal to that premium,
 * capped as venues do.
 */
export function createFundingModel(startMid: number, rng: Rng): FundingModel {
  let premium = PREMIUM_MEAN
  let mark = startMid
  return {
    step(mid, dtMs) {
      const keep = 0.5 ** (dtMs / PREMIUM_HALF_LIFE_MS)
      premium = PREMIUM_MEAN + keep * (premium - PREMIUM_MEAN) + PREMIUM_STDEV * Math.sqrt(1 - keep * keep) * rng.normal()
      mark += (1 - Math.exp(-dtMs / MARK_SMOOTHING_MS)) * (mid - mark)
    },
    state(tickSize) {
      const rate = roundToStep(Math.max(-RATE_CAP, Math.min(RATE_CAP, premium)), 1e-8)
      return { markPrice: roundToStep(mark, tickSize), indexPrice: roundToStep(mark / (1 + premium), tickSize), rate }
    },
  }
}

/** Funding settles at 00:00, 08:00 and 16:00 UTC. */
export function nextFundingTime(now: number): number {
  return (Math.floor(now / FUNDING_INTERVAL_MS) + 1) * FUNDING_INTERVAL_MS
}
