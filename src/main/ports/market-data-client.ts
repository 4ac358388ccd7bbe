import type { Candle, FeedStatus, FundingRate, Instrument, MarkPrice, MarketSymbol, OrderBook, Ticker, Timeframe, Trade } from '../../shared/domain/market'
import type { VenueCapabilities } from '../../shared/domain/venue'

/** One stream of one symbol. */
export type MarketStream =
  | { kind: 'ticker'; symbol: MarketSymbol }
  | { kind: 'book'; symbol: MarketSymbol; depth?: number }
  | { kind: 'trades'; symbol: MarketSymbol }
  | { kind: 'candles'; symbol: MarketSymbol; timeframe: Timeframe }
  | { kind: 'funding'; symbol: MarketSymbol }
  | { kind: 'mark'; symbol: MarketSymbol }

/** What a stream delivers. Books are full snapshots after each applied update. */
export type MarketEvent =
  | { kind: 'ticker'; ticker: Ticker }
  | { kind: 'book'; book: OrderBook }
  | { kind: 'trades'; trades: Trade[] }
  | { kind: 'candle'; symbol: MarketSymbol; timeframe: Timeframe; candle: Candle }
  | { kind: 'funding'; funding: FundingRate }
  | { kind: 'mark'; mark: MarkPrice }
  | { kind: 'status'; stream: MarketStream; status: FeedStatus; detail?: string }

export interface MarketSubscription {
  readonly stream: MarketStream
  unsubscribe(): Promise<void>
}

/**
 * Market data from one venue. `subscribe` resolves once the stream is set up
 * (an unknown symbol rejects with a VenueError of kind `not_found` that names
 * the closest matches); afterwards problems arrive as `status` events and the
 * adapter reconnects by itself.
 */
export interface MarketDataClient {
  readonly venue: string
  readonly capabilities: VenueCapabilities
  loadInstruments(): Promise<Instrument[]>
  subscribe(stream: MarketStream, listener: (event: MarketEvent) => void): Promise<MarketSubscription>
  fetchCandles(symbol: MarketSymbol, timeframe: Timeframe, since: number | null, limit: number): Promise<Candle[]>
  fetchTrades(symbol: MarketSymbol, since: number | null, limit: number): Promise<Trade[]>
  close(): Promise<void>
}
