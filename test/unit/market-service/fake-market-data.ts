import type { Clock } from '../../../src/main/ports/clock'
import type { MarketDataClient, MarketEvent, MarketStream } from '../../../src/main/ports/market-data-client'
import { VenueError } from '../../../src/main/ports/venue-error'
import { TIMEFRAME_MS, type Candle, type FeedStatus, type Instrument, type Timeframe, type Trade } from '../../../src/shared/domain/market'
import type { VenueCapabilities } from '../../../src/shared/domain/venue'

export const FAKE_CAPABILITIES: VenueCapabilities = {
  marketTypes: ['swap'],
  orderTypes: ['market', 'limit'],
  timeInForce: ['GTC'],
  postOnly: false,
  reduceOnly: false,
  amend: false,
  websocket: { ticker: true, book: true, trades: true, candles: true, orders: false },
  demoMode: false,
  fetchHistory: true,
}

type Listener = (event: MarketEvent) => void

/** A MarketDataClient the test drives by hand: it emits only what it is told to. */
export interface FakeMarketData extends MarketDataClient {
  subscribeCalls: MarketStream[]
  unsubscribeCalls: MarketStream[]
  /** Listeners currently subscribed to a stream kind of a symbol. */
  listeners(kind: MarketStream['kind'], symbol: string): number
  emit(kind: MarketStream['kind'], symbol: string, event: MarketEvent): void
  book(symbol: string, mid: number, levels?: number): void
  ticker(symbol: string, last: number): void
  trades(symbol: string, ...prices: number[]): void
  candle(symbol: string, timeframe: Timeframe, candle: Candle): void
  status(kind: MarketStream['kind'], symbol: string, status: FeedStatus, detail?: string): void
  failInstruments: Error | null
  /** Delays every subscribe until this promise settles, to test races. */
  subscribeGate: Promise<void> | null
  closed: boolean
}

export function createFakeMarketData(clock: Clock, venue = 'fake', symbols = ['BTC/USDT:USDT', 'ETH/USDT:USDT']): FakeMarketData {
  const subscribed = new Map<string, Set<Listener>>()
  const key = (kind: string, symbol: string): string => `${kind}|${symbol}`
  let tradeSeq = 0

  const instrument = (symbol: string): Instrument => ({
    venue,
    symbol,
    venueSymbol: symbol.replace('/', '-').replace(':USDT', '-SWAP'),
    type: 'swap',
    base: symbol.split('/')[0]!,
    quote: 'USDT',
    settle: 'USDT',
    contractSize: 0.01,
    tickSize: 0.1,
    stepSize: 1,
    minSize: 1,
    maxSize: null,
    minNotional: null,
    maxLeverage: 100,
    active: true,
  })

  const fake: FakeMarketData = {
    venue,
    capabilities: FAKE_CAPABILITIES,
    subscribeCalls: [],
    unsubscribeCalls: [],
    failInstruments: null,
    subscribeGate: null,
    closed: false,
    async loadInstruments() {
      if (fake.failInstruments) throw fake.failInstruments
      return symbols.map(instrument)
    },
    async subscribe(stream, listener) {
      fake.subscribeCalls.push(stream)
      if (fake.subscribeGate) await fake.subscribeGate
      if (!symbols.includes(stream.symbol)) {
        throw new VenueError('not_found', venue, `Unknown symbol ${JSON.stringify(stream.symbol)} on ${venue}; closest: ${symbols[0]}`)
      }
      const k = key(stream.kind, stream.symbol)
      let set = subscribed.get(k)
      if (!set) subscribed.set(k, (set = new Set()))
      set.add(listener)
      return {
        stream,
        unsubscribe: async () => {
          fake.unsubscribeCalls.push(stream)
          set.delete(listener)
        },
      }
    },
    async fetchCandles(symbol, timeframe, _since, limit) {
      if (!symbols.includes(symbol)) throw new VenueError('not_found', venue, `Unknown symbol ${JSON.stringify(symbol)} on ${venue}`)
      const step = TIMEFRAME_MS[timeframe]
      const last = Math.floor(clock.now() / step) * step
      return Array.from({ length: limit }, (_, i) => {
        const price = 100 + i
        return { timestamp: last - (limit - 1 - i) * step, open: price, high: price + 2, low: price - 2, close: price + 1, volume: 10 }
      })
    },
    async fetchTrades() {
      return []
    },
    async close() {
      fake.closed = true
    },
    listeners: (kind, symbol) => subscribed.get(key(kind, symbol))?.size ?? 0,
    emit(kind, symbol, event) {
      for (const listener of subscribed.get(key(kind, symbol)) ?? []) listener(event)
    },
    book(symbol, mid, levels = 30) {
      const bids = Array.from({ length: levels }, (_, i): [number, number] => [mid - 0.5 - i, 1 + i])
      const asks = Array.from({ length: levels }, (_, i): [number, number] => [mid + 0.5 + i, 1 + i])
      fake.emit('book', symbol, { kind: 'book', book: { venue, symbol, bids, asks, sequence: null, timestamp: clock.now() } })
    },
    ticker(symbol, last) {
      const ticker = { venue, symbol, bid: last - 0.5, ask: last + 0.5, bidSize: 1, askSize: 1, last, baseVolume: 1000, timestamp: clock.now() }
      fake.emit('ticker', symbol, { kind: 'ticker', ticker })
    },
    trades(symbol, ...prices) {
      const trades: Trade[] = prices.map((price) => ({ venue, symbol, id: String(++tradeSeq), price, amount: 1, side: 'buy', timestamp: clock.now() }))
      fake.emit('trades', symbol, { kind: 'trades', trades })
    },
    candle(symbol, timeframe, candle) {
      fake.emit('candles', symbol, { kind: 'candle', symbol, timeframe, candle })
    },
    status(kind, symbol, status, detail) {
      const stream = { kind, symbol } as MarketStream
      fake.emit(kind, symbol, detail === undefined ? { kind: 'status', stream, status } : { kind: 'status', stream, status, detail })
    },
  }
  return fake
}
