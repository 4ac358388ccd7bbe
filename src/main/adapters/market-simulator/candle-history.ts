import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../../shared/domain/market'
import { roundToStep } from '../../../shared/market/precision'
import { createPriceProcess, type PriceProcess } from './price-process'
import { createRng, hashSeed, hashString, type Rng } from './prng'
import type { SimSymbolSpec } from './sim-symbols'
import { meanTradeContracts } from './trade-flow'

export interface CandleHistory {
  /** Exclusive end of the history for a timeframe: the start of the bucket the simulator started in. */
  end(timeframe: Timeframe): number
  /** History candles whose bucket starts in [from, to), oldest first. */
  range(timeframe: Timeframe, from: number, to: number): Candle[]
}

interface Series {
  process: PriceProcess
  rng: Rng
  /** Newest first: index i is the bucket starting at end - (i + 1) * timeframe. */
  candles: Candle[]
  /** Unrounded open of the oldest candle so far: the close of the next older one. */
  nextClose: number
}

/**
 * A backfill so charts are not empty at start. The same GARCH-with-jumps
 * process runs backwards in time from the start price, one step per candle,
 * so the newest history candle closes exactly where the live market opens.
 * Each timeframe is its own series (generating 1-minute steps for a year of
 * daily candles would cost too much); each is generated lazily, newest first,
 * and memoised, so paging through it any way gives the same candles.
 */
export function createCandleHistory(spec: SimSymbolSpec, seed: number, anchorTime: number, maxCandles: number): CandleHistory {
  const series = new Map<Timeframe, Series>()
  const end = (timeframe: Timeframe): number => Math.floor(anchorTime / TIMEFRAME_MS[timeframe]) * TIMEFRAME_MS[timeframe]

  const seriesOf = (timeframe: Timeframe): Series => {
    let s = series.get(timeframe)
    if (!s) {
      const rng = createRng(hashSeed(seed, hashString(spec.symbol), hashString(timeframe), 0x4157))
      s = { process: createPriceProcess(spec, TIMEFRAME_MS[timeframe], rng), rng, candles: [], nextClose: spec.startPrice }
      series.set(timeframe, s)
    }
    return s
  }

  const extend = (timeframe: Timeframe, s: Series, count: number): void => {
    const ms = TIMEFRAME_MS[timeframe]
    const typicalMove = Math.sqrt(s.process.params.longRunVar)
    const typicalVolume = (spec.tradesPerSecond * ms * meanTradeContracts(spec)) / 1000
    while (s.candles.length < count) {
      const sigma = Math.sqrt(s.process.variance)
      const logReturn = s.process.next()
      const close = s.nextClose
      const open = close * Math.exp(-logReturn)
      // Wicks scale with the candle's volatility; rounding is monotone, so high ≥ max(open, close) survives it.
      const high = Math.max(open, close) * Math.exp(0.5 * sigma * Math.abs(s.rng.normal()))
      const low = Math.min(open, close) * Math.exp(-0.5 * sigma * Math.abs(s.rng.normal()))
      const activity = 0.6 + 0.4 * (Math.abs(logReturn) / typicalMove)
      const volume = typicalVolume * activity * Math.exp(0.3 * s.rng.normal() - 0.045)
      s.candles.push({
        timestamp: end(timeframe) - (s.candles.length + 1) * ms,
        open: roundToStep(open, spec.tickSize),
        high: roundToStep(high, spec.tickSize),
        low: roundToStep(low, spec.tickSize),
        close: roundToStep(close, spec.tickSize),
        volume: roundToStep(volume, spec.stepSize),
      })
      s.nextClose = open
    }
  }

  return {
    end,
    range(timeframe, from, to) {
      const ms = TIMEFRAME_MS[timeframe]
      const stop = end(timeframe)
      const first = Math.max(Math.ceil(from / ms) * ms, stop - maxCandles * ms)
      const last = Math.min(stop - ms, Math.ceil(to / ms) * ms - ms)
      if (first > last) return []
      const s = seriesOf(timeframe)
      const newest = (stop - ms - last) / ms
      const oldest = (stop - ms - first) / ms
      extend(timeframe, s, oldest + 1)
      return s.candles.slice(newest, oldest + 1).reverse()
    },
  }
}
