import type { BookLevel, Candle, FundingRate, Instrument, MarkPrice, MarketSymbol, OrderBook, Ticker, Timeframe, Trade } from '../../src/shared/domain/market'
import { closestMatches } from '../../src/shared/market/closest-symbols'
import { TIMEFRAME_MS } from '../../src/shared/domain/market'
import type { VenueCapabilities } from '../../src/shared/domain/venue'
import type { MarketDataClient, MarketEvent, MarketStream, MarketSubscription } from '../../src/main/ports/market-data-client'
import { VenueError } from '../../src/main/ports/venue-error'

/**
 * A MarketDataClient whose market the test writes: books, prints, marks and
 * funding appear exactly when set, delivered synchronously to subscribers,
 * and a new subscriber gets the current state at once (as a venue sends a
 * snapshot on subscribe). No timers, no randomness.
 */
export interface ScriptedMarket extends MarketDataClient {
  setBook(symbol: MarketSymbol, bids: BookLevel[], asks: BookLevel[]): OrderBook
  printTrade(symbol: MarketSymbol, price: number, amount: number, takerSide: 'buy' | 'sell'): Trade
  setMark(symbol: MarketSymbol, markPrice: number): MarkPrice
  setFunding(symbol: MarketSymbol, rate: number, nextFundingTime: number | null): FundingRate
  /** Live subscriptions, to check that clients unsubscribe. */
  subscriptionCount(): number
}

export interface ScriptedMarketOptions {
  venue?: string
  /** Stamps events; a fixed 0 when omitted so output stays deterministic. */
  clock?: { now(): number }
  /** Stream kinds this source refuses with VenueError 'unsupported', e.g. a source without marks. */
  unsupported?: ReadonlyArray<MarketStream['kind']>
}

const swap = (venue: string, base: string, contractSize: number, tickSize: number, maxLeverage: number): Instrument => ({
  venue,
  symbol: `${base}/USDT:USDT`,
  venueSymbol: `${base}-USDT-SWAP`,
  type: 'swap',
  base,
  quote: 'USDT',
  settle: 'USDT',
  contractSize,
  tickSize,
  stepSize: 1,
  minSize: 1,
  maxSize: 10_000,
  minNotional: null,
  maxLeverage,
  active: true,
})

/** BTC and ETH USDT perpetuals (OKX-like rules), and BTC spot to check spot is refused where unsupported. */
export function scriptedInstruments(venue = 'scripted'): Instrument[] {
  return [
    swap(venue, 'BTC', 0.01, 0.1, 100),
    swap(venue, 'ETH', 0.1, 0.01, 50),
    { ...swap(venue, 'BTC', 1, 0.1, 1), symbol: 'BTC/USDT', venueSymbol: 'BTC-USDT', type: 'spot', settle: null, stepSize: 0.00001, minSize: 0.00001, maxLeverage: null },
  ]
}

const CAPABILITIES: VenueCapabilities = {
  marketTypes: ['spot', 'swap'],
  orderTypes: [],
  timeInForce: [],
  postOnly: false,
  reduceOnly: false,
  amend: false,
  websocket: { ticker: true, book: true, trades: true, candles: true, orders: false },
  demoMode: false,
  fetchHistory: true,
}

export function createScriptedMarket(options: ScriptedMarketOptions = {}): ScriptedMarket {
  const venue = options.venue ?? 'scripted'
  const clock = options.clock ?? { now: () => 0 }
  const instruments = scriptedInstruments(venue)
  const symbols = instruments.map((i) => i.symbol)
  const listeners = new Map<string, Set<(event: MarketEvent) => void>>()
  const books = new Map<MarketSymbol, OrderBook>()
  const marks = new Map<MarketSymbol, MarkPrice>()
  const fundings = new Map<MarketSymbol, FundingRate>()
  const trades: Trade[] = []
  let sequence = 0

  const keyOf = (kind: string, symbol: string): string => `${kind}|${symbol}`
  const known = (symbol: MarketSymbol): void => {
    if (symbols.includes(symbol)) return
    throw new VenueError('not_found', venue, `unknown symbol ${symbol}; did you mean ${closestMatches(symbol, symbols, 1)[0]}?`)
  }
  const publish = (kind: string, symbol: string, event: MarketEvent): void => {
    for (const listener of [...(listeners.get(keyOf(kind, symbol)) ?? [])]) listener(event)
  }
  const tickerOf = (symbol: MarketSymbol): Ticker | null => {
    const book = books.get(symbol)
    if (!book) return null
    const last = trades.findLast((t) => t.symbol === symbol)
    return { venue, symbol, bid: book.bids[0]?.[0] ?? null, ask: book.asks[0]?.[0] ?? null, bidSize: book.bids[0]?.[1] ?? null, askSize: book.asks[0]?.[1] ?? null, last: last?.price ?? null, baseVolume: null, timestamp: clock.now() }
  }
  const current = (stream: MarketStream): MarketEvent | null => {
    switch (stream.kind) {
      case 'book': {
        const book = books.get(stream.symbol)
        return book ? { kind: 'book', book } : null
      }
      case 'ticker': {
        const ticker = tickerOf(stream.symbol)
        return ticker ? { kind: 'ticker', ticker } : null
      }
      case 'mark': {
        const mark = marks.get(stream.symbol)
        return mark ? { kind: 'mark', mark } : null
      }
      case 'funding': {
        const funding = fundings.get(stream.symbol)
        return funding ? { kind: 'funding', funding } : null
      }
      case 'trades':
      case 'candles':
        return null
      default: {
        const unexpected: never = stream
        throw new Error(`unexpected stream ${JSON.stringify(unexpected)}`)
      }
    }
  }

  return {
    venue,
    capabilities: CAPABILITIES,
    loadInstruments: async () => instruments.map((i) => ({ ...i })),
    async subscribe(stream, listener) {
      known(stream.symbol)
      if (options.unsupported?.includes(stream.kind)) throw new VenueError('unsupported', venue, `the scripted market has no ${stream.kind} stream`)
      const key = keyOf(stream.kind === 'candles' ? `candles:${stream.timeframe}` : stream.kind, stream.symbol)
      const set = listeners.get(key) ?? new Set()
      listeners.set(key, set)
      const entry = (event: MarketEvent): void => listener(event)
      set.add(entry)
      const snapshot = current(stream)
      if (snapshot) listener(snapshot)
      const subscription: MarketSubscription = { stream, unsubscribe: async () => void set.delete(entry) }
      return subscription
    },
    async fetchCandles(symbol, timeframe: Timeframe, since, limit) {
      known(symbol)
      const step = TIMEFRAME_MS[timeframe]
      const count = Math.min(limit, 10)
      const start = since ?? Math.floor(clock.now() / step) * step - count * step
      const base = symbol.startsWith('BTC') ? 60_000 : 3_000
      return Array.from({ length: count }, (_, i): Candle => {
        const open = base * (1 + 0.001 * Math.sin(i))
        const close = base * (1 + 0.001 * Math.sin(i + 1))
        return { timestamp: start + i * step, open, close, high: Math.max(open, close) * 1.0005, low: Math.min(open, close) * 0.9995, volume: 10 + i }
      })
    },
    async fetchTrades(symbol, since, limit) {
      known(symbol)
      return trades.filter((t) => t.symbol === symbol && (since === null || t.timestamp >= since)).slice(-limit)
    },
    async close() {
      listeners.clear()
    },
    setBook(symbol, bids, asks) {
      known(symbol)
      const book: OrderBook = { venue, symbol, bids: bids.map(([p, s]) => [p, s]), asks: asks.map(([p, s]) => [p, s]), sequence: ++sequence, timestamp: clock.now() }
      books.set(symbol, book)
      publish('book', symbol, { kind: 'book', book })
      publish('ticker', symbol, { kind: 'ticker', ticker: tickerOf(symbol)! })
      return book
    },
    printTrade(symbol, price, amount, takerSide) {
      known(symbol)
      const trade: Trade = { venue, symbol, id: `${venue}-${trades.length + 1}`, price, amount, side: takerSide, timestamp: clock.now() }
      trades.push(trade)
      publish('trades', symbol, { kind: 'trades', trades: [trade] })
      return trade
    },
    setMark(symbol, markPrice) {
      known(symbol)
      const mark: MarkPrice = { venue, symbol, markPrice, indexPrice: null, timestamp: clock.now() }
      marks.set(symbol, mark)
      publish('mark', symbol, { kind: 'mark', mark })
      return mark
    },
    setFunding(symbol, rate, nextFundingTime) {
      known(symbol)
      const funding: FundingRate = { venue, symbol, rate, nextFundingTime, timestamp: clock.now() }
      fundings.set(symbol, funding)
      publish('funding', symbol, { kind: 'funding', funding })
      return funding
    },
    subscriptionCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  }
}
