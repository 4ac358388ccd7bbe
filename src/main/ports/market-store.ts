import type { Candle, MarketSymbol, Timeframe, Trade } from '../../shared/domain/market'

/** One candle series: a market's candles of one timeframe on one venue. */
export interface CandleKey {
  venue: string
  symbol: MarketSymbol
  timeframe: Timeframe
}

/** A half-open span of candle start times: [from, to). */
export interface TimeRange {
  from: number
  to: number
}

/**
 * Candles and trades cached on disk (a second SQLite file beside the profile
 * database), so charts and backtests do not download the same history twice.
 * The kernel owns this interface; the market-store adapter implements it.
 */
export interface MarketStore {
  /** Inserts or updates candles (a partial candle is replaced by its later state); returns rows inserted or changed. */
  upsertCandles(key: CandleKey, candles: readonly Candle[]): number
  /** Candles starting in [from, to), oldest first. */
  candles(key: CandleKey, from: number, to: number, limit?: number): Candle[]
  latestCandle(key: CandleKey): Candle | null
  /** Runs of candle buckets starting in [from, to) that the store does not have. */
  missingCandleRanges(key: CandleKey, from: number, to: number): TimeRange[]
  /** Inserts trades not seen before (by venue, symbol and trade id); returns how many were new. */
  upsertTrades(trades: readonly Trade[]): number
  /** Trades in [from, to), oldest first (ties in id order). */
  trades(venue: string, symbol: MarketSymbol, from: number, to: number, limit?: number): Trade[]
  close(): void
}
