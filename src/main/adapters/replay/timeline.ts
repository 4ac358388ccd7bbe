import { TIMEFRAME_MS, TimeframeSchema, type Candle, type Timeframe, type Trade } from '../../../shared/domain/market'
import { createCandleBuilder, type CandleBuilder } from '../../../shared/market/candle-builder'

/** What happens at one recorded instant: a batch of trades with the same timestamp, or one candle closing. */
export interface TimelineGroup {
  at: number
  trades?: Trade[]
  candle?: Candle
  /** Trades recordings: index just past this group's last trade. */
  end: number
}

export interface Timeline {
  groups: TimelineGroup[]
  trades: Trade[]
  builder: CandleBuilder
  /** Groups emitted so far. */
  replayed: number
  prices(): number[]
  sizes(): number[]
}

export type TimelineInput = { kind: 'trades'; trades: Trade[] } | { kind: 'candles'; candles: Candle[]; timeframe: Timeframe }

/**
 * Orders a parsed recording into emission instants. Trades sharing a
 * timestamp go out as one batch, as a venue sends them; a candle goes out
 * when it closes, at its open time plus its timeframe.
 */
export function loadTimeline(input: TimelineInput): Timeline {
  if (input.kind === 'trades') {
    const { trades } = input
    const groups: TimelineGroup[] = []
    for (let start = 0; start < trades.length; ) {
      let end = start + 1
      while (end < trades.length && trades[end]!.timestamp === trades[start]!.timestamp) end++
      groups.push({ at: trades[start]!.timestamp, trades: trades.slice(start, end), end })
      start = end
    }
    return {
      groups,
      trades,
      builder: createCandleBuilder(TimeframeSchema.options),
      replayed: 0,
      prices: () => trades.map((t) => t.price),
      sizes: () => trades.map((t) => t.amount),
    }
  }
  const { candles, timeframe } = input
  const ms = TIMEFRAME_MS[timeframe]
  // Larger timeframes are built from the recorded one when they are whole multiples of it.
  const timeframes = TimeframeSchema.options.filter((tf) => TIMEFRAME_MS[tf] >= ms && TIMEFRAME_MS[tf] % ms === 0)
  return {
    groups: candles.map((candle) => ({ at: candle.timestamp + ms, candle, end: 0 })),
    trades: [],
    builder: createCandleBuilder(timeframes),
    replayed: 0,
    prices: () => candles.flatMap((c) => [c.open, c.high, c.low, c.close]),
    sizes: () => candles.map((c) => c.volume).filter((v) => v > 0),
  }
}
