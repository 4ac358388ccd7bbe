import { TIMEFRAME_MS, type Candle, type Timeframe } from '../domain/market'
import { roundToStep } from './precision'

export interface CandleUpdate {
  timeframe: Timeframe
  candle: Candle
}

export interface CandleBuilder {
  readonly timeframes: readonly Timeframe[]
  /**
   * Folds one piece of price history into the current candle of every
   * timeframe: a trade is a piece with one price, a recorded 1-minute candle
   * a piece of a 5-minute one.
   */
  add(timestamp: number, open: number, high: number, low: number, close: number, volume: number): void
  /**
   * Per wanted timeframe: the final state of candles that closed since the
   * last call, then the current one if it changed. Updates of other
   * timeframes are dropped (nobody listens to them), which keeps a full-speed
   * replay from copying candles for nothing.
   */
  drain(wanted?: (timeframe: Timeframe) => boolean): CandleUpdate[]
  /** Closed and current candles, oldest first (copies). */
  series(timeframe: Timeframe): Candle[]
  /** The candle still open, or null before the first piece (a copy). */
  current(timeframe: Timeframe): Candle | null
}

export interface CandleBuilderOptions {
  /** Closed candles kept per timeframe. */
  maxCandles?: number
  /** Volumes are kept on this step so sums do not drift (0.1 + 0.2); 1e-8 is the finest any venue reports. */
  volumeStep?: number
}

/**
 * Candles built from finer data, bucketed on UTC boundaries as venues do.
 * State lives in arrays indexed by timeframe position rather than maps: this
 * runs for every trade of a full-speed replay, six times over.
 */
export function createCandleBuilder(timeframes: readonly Timeframe[], options: CandleBuilderOptions = {}): CandleBuilder {
  const { maxCandles = 20_000, volumeStep = 1e-8 } = options
  const count = timeframes.length
  const msOf = timeframes.map((tf) => TIMEFRAME_MS[tf])
  const current: (Candle | undefined)[] = new Array(count).fill(undefined)
  const closed: Candle[][] = timeframes.map(() => [])
  const closedSinceDrain: Candle[][] = timeframes.map(() => [])
  const dirty: boolean[] = new Array(count).fill(false)

  return {
    timeframes,
    add(timestamp, open, high, low, close, volume) {
      for (let i = 0; i < count; i++) {
        const bucket = timestamp - (timestamp % msOf[i]!)
        const candle = current[i]
        if (candle && candle.timestamp === bucket) {
          if (high > candle.high) candle.high = high
          if (low < candle.low) candle.low = low
          candle.close = close
          candle.volume = roundToStep(candle.volume + volume, volumeStep)
        } else {
          if (candle) {
            const list = closed[i]!
            list.push(candle)
            // Trimmed in batches: a long replay must not shift a big array on every candle.
            if (list.length > maxCandles * 1.5) list.splice(0, list.length - maxCandles)
            // Only when its final state was not published yet: a recorded candle is final on arrival.
            if (dirty[i]) closedSinceDrain[i]!.push(candle)
          }
          current[i] = { timestamp: bucket, open, high, low, close, volume: roundToStep(volume, volumeStep) }
        }
        dirty[i] = true
      }
    },
    drain(wanted) {
      const out: CandleUpdate[] = []
      for (let i = 0; i < count; i++) {
        const timeframe = timeframes[i]!
        if (!wanted || wanted(timeframe)) {
          for (const candle of closedSinceDrain[i]!) out.push({ timeframe, candle: { ...candle } })
          const candle = current[i]
          if (candle && dirty[i]) out.push({ timeframe, candle: { ...candle } })
        }
        closedSinceDrain[i]!.length = 0
        dirty[i] = false
      }
      return out
    },
    series(timeframe) {
      const i = timeframes.indexOf(timeframe)
      if (i < 0) return []
      const candle = current[i]
      return [...closed[i]!, ...(candle ? [candle] : [])].map((c) => ({ ...c }))
    },
    current(timeframe) {
      const candle = current[timeframes.indexOf(timeframe)]
      return candle ? { ...candle } : null
    },
  }
}
