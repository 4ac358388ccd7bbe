import { TIMEFRAME_MS, TimeframeSchema, type Candle, type Timeframe } from '../../../shared/domain/market'
import { roundToStep } from '../../../shared/market/precision'

export interface CandleUpdate {
  timeframe: Timeframe
  candle: Candle
}

export interface CandleAggregator {
  /** Folds one trade into the current candle of every timeframe. */
  add(timestamp: number, price: number, amount: number): void
  /**
   * What to publish since the last call, per timeframe in order: the final
   * state of each candle that closed, then the current candle if it changed.
   * Without the closed ones a listener that only keeps the last update would
   * miss the last trades of a minute whose successor opened in the same tick.
   */
  drain(): CandleUpdate[]
  current(timeframe: Timeframe): Candle | null
  /** Closed candles, oldest first, at most `maxCompleted` per timeframe. */
  completed(timeframe: Timeframe): readonly Candle[]
}

export const ALL_TIMEFRAMES: readonly Timeframe[] = TimeframeSchema.options

/** Candles built from trades; buckets are aligned to UTC like a venue's. */
export function createCandleAggregator(volumeStep: number, maxCompleted = 10_000): CandleAggregator {
  const current = new Map<Timeframe, Candle>()
  const completed = new Map<Timeframe, Candle[]>(ALL_TIMEFRAMES.map((tf) => [tf, []]))
  const closedSinceDrain = new Map<Timeframe, Candle[]>()
  const dirty = new Set<Timeframe>()

  return {
    add(timestamp, price, amount) {
      for (const timeframe of ALL_TIMEFRAMES) {
        const bucket = Math.floor(timestamp / TIMEFRAME_MS[timeframe]) * TIMEFRAME_MS[timeframe]
        const candle = current.get(timeframe)
        if (candle && candle.timestamp === bucket) {
          if (price > candle.high) candle.high = price
          if (price < candle.low) candle.low = price
          candle.close = price
          candle.volume = roundToStep(candle.volume + amount, volumeStep)
        } else {
          if (candle) close(timeframe, candle)
          current.set(timeframe, { timestamp: bucket, open: price, high: price, low: price, close: price, volume: roundToStep(amount, volumeStep) })
        }
        dirty.add(timeframe)
      }
    },
    drain() {
      const out: CandleUpdate[] = []
      for (const timeframe of ALL_TIMEFRAMES) {
        for (const candle of closedSinceDrain.get(timeframe) ?? []) out.push({ timeframe, candle })
        const candle = current.get(timeframe)
        if (dirty.has(timeframe) && candle) out.push({ timeframe, candle: { ...candle } })
      }
      closedSinceDrain.clear()
      dirty.clear()
      return out
    },
    current: (timeframe) => {
      const candle = current.get(timeframe)
      return candle ? { ...candle } : null
    },
    completed: (timeframe) => completed.get(timeframe)!,
  }

  function close(timeframe: Timeframe, candle: Candle): void {
    const done = { ...candle }
    const list = completed.get(timeframe)!
    list.push(done)
    // Trim in batches so a long session does not shift a 10,000-element array on every candle.
    if (list.length > maxCompleted * 1.5) list.splice(0, list.length - maxCompleted)
    // Its final state went out already unless a trade changed it since the last drain.
    if (!dirty.has(timeframe)) return
    const pending = closedSinceDrain.get(timeframe)
    if (pending) pending.push(done)
    else closedSinceDrain.set(timeframe, [done])
  }
}
