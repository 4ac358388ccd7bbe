import type { IndicatorSet, SymbolSnapshot } from '../../../shared/domain/agents/snapshot'
import type { Timeframe } from '../../../shared/domain/market'
import { bps, isPositiveFinite, show } from './numbers'

/** The timeframe the strategies trade on, and the one whose trend filters their entries. */
export const ENTRY_TIMEFRAME: Timeframe = '15m'
export const FILTER_TIMEFRAME: Timeframe = '1h'
export const HIGHER_TIMEFRAME: Timeframe = '4h'

export type Trend = 'up' | 'down' | 'flat' | 'unknown'

/** When the touch is unknown, assume a half-spread this wide rather than pretend trading is free. */
export const UNKNOWN_HALF_SPREAD_BPS = 10

const NO_INDICATORS: IndicatorSet = { rsi14: null, ema20: null, ema50: null, macd: null, atr14: null, bollinger: null, donchian20: null }

/** One symbol as the rules see it: the price, the touch, and the indicators of the timeframes they use. */
export interface SymbolReading {
  readonly snapshot: SymbolSnapshot
  /** The last traded price, or null when the snapshot's price is unusable. */
  readonly price: number | null
  readonly bid: number | null
  readonly ask: number | null
  /** Half the bid/ask spread in basis points of the mid, or a cautious default. */
  readonly halfSpreadBps: number
  /** (bid size − ask size) / total over the book's levels, in [-1, 1]; null without a book. */
  readonly bookImbalance: number | null
  readonly entry: IndicatorSet
  readonly filter: IndicatorSet
  readonly higher: IndicatorSet
  readonly entryTrend: Trend
  readonly filterTrend: Trend
  readonly higherTrend: Trend
}

function indicatorsAt(symbol: SymbolSnapshot, timeframe: Timeframe): IndicatorSet {
  // A snapshot may carry only some timeframes; a missing one reads as no history.
  return (symbol.indicators as Partial<Record<Timeframe, IndicatorSet>>)[timeframe] ?? NO_INDICATORS
}

/** The EMA 20 / EMA 50 relation: the trend every rule and report refers to. */
export function trendOf(set: IndicatorSet): Trend {
  const { ema20, ema50 } = set
  if (ema20 === null || ema50 === null || !Number.isFinite(ema20) || !Number.isFinite(ema50)) return 'unknown'
  if (ema20 > ema50) return 'up'
  if (ema20 < ema50) return 'down'
  return 'flat'
}

function sideVolume(levels: readonly (readonly [number, number])[]): number {
  let total = 0
  for (const [price, size] of levels) if (isPositiveFinite(price) && isPositiveFinite(size)) total += size
  return total
}

export function readSymbol(symbol: SymbolSnapshot): SymbolReading {
  const bestBid = symbol.book.bids[0]?.[0]
  const bestAsk = symbol.book.asks[0]?.[0]
  const bid = isPositiveFinite(symbol.bid) ? symbol.bid : isPositiveFinite(bestBid) ? bestBid : null
  const ask = isPositiveFinite(symbol.ask) ? symbol.ask : isPositiveFinite(bestAsk) ? bestAsk : null
  const halfSpreadBps = bid !== null && ask !== null && ask >= bid ? bps((ask - bid) / 2, (ask + bid) / 2) : UNKNOWN_HALF_SPREAD_BPS
  const bidVolume = sideVolume(symbol.book.bids)
  const askVolume = sideVolume(symbol.book.asks)
  const bookTotal = bidVolume + askVolume
  const entry = indicatorsAt(symbol, ENTRY_TIMEFRAME)
  const filter = indicatorsAt(symbol, FILTER_TIMEFRAME)
  const higher = indicatorsAt(symbol, HIGHER_TIMEFRAME)
  return {
    snapshot: symbol,
    price: isPositiveFinite(symbol.last) ? symbol.last : null,
    bid,
    ask,
    halfSpreadBps: Number.isFinite(halfSpreadBps) ? halfSpreadBps : UNKNOWN_HALF_SPREAD_BPS,
    bookImbalance: bookTotal > 0 && Number.isFinite(bookTotal) ? (bidVolume - askVolume) / bookTotal : null,
    entry,
    filter,
    higher,
    entryTrend: trendOf(entry),
    filterTrend: trendOf(filter),
    higherTrend: trendOf(higher),
  }
}

/** One line of the indicator values a rule used, for rationales and notes. */
export function describeIndicators(label: string, set: IndicatorSet): string {
  const parts = [
    `RSI ${show(set.rsi14)}`,
    `EMA20 ${show(set.ema20)}`,
    `EMA50 ${show(set.ema50)}`,
    `MACD hist ${show(set.macd?.histogram)}`,
    `ATR ${show(set.atr14)}`,
  ]
  return `${label} ${parts.join(', ')}`
}
