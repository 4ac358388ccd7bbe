import type { CandleUpdate } from '../../../shared/contract/domains/market'
import type { Candle, MarketSymbol, OrderBook, Ticker, Timeframe, Trade, VenueId } from '../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { assertNever, symbolKey, type StreamRef } from './stream-ref'

/** One animation frame at 60 Hz: nothing a screen shows can change faster. */
export const FRAME_MS = 16
/** A tape shows a few dozen trades; a burst beyond this many per frame drops its oldest. */
export const MAX_TRADES_PER_BATCH = 500

export interface FrameCoalescer {
  offerTicker(ticker: Ticker): void
  offerBook(book: OrderBook): void
  offerTrades(venue: VenueId, symbol: MarketSymbol, trades: readonly Trade[]): void
  offerCandle(venue: VenueId, symbol: MarketSymbol, timeframe: Timeframe, candle: Candle): void
  /** Drops whatever is pending for a stream, so nothing of it is published after its last watcher left. */
  forget(ref: StreamRef): void
  /** Publishes everything pending now; the timer calls it once per frame. */
  flush(): void
  dispose(): void
}

export interface FrameCoalescerOptions {
  clock: Clock
  bus: EventBus<KernelEvents>
  /** How many book levels a side to publish for a symbol: the deepest any watcher asked for. */
  bookDepth(venue: VenueId, symbol: MarketSymbol): number
  frameMs?: number
  maxTradesPerBatch?: number
}

interface PendingTrades {
  venue: VenueId
  symbol: MarketSymbol
  trades: Trade[]
}

/**
 * Keeps only the latest book and ticker per symbol and accumulates trades, then
 * publishes them at most once per frame, so a burst of a thousand book updates
 * crosses the process boundary as a handful of events. Candles are kept per
 * bar rather than per stream: when a bar closes and the next opens within one
 * frame, the closing values of the first must still be published.
 */
export function createFrameCoalescer(options: FrameCoalescerOptions): FrameCoalescer {
  const { clock, bus } = options
  const frameMs = options.frameMs ?? FRAME_MS
  const maxTrades = options.maxTradesPerBatch ?? MAX_TRADES_PER_BATCH
  const tickers = new Map<string, Ticker>()
  const books = new Map<string, OrderBook>()
  const trades = new Map<string, PendingTrades>()
  const candles = new Map<string, Map<number, CandleUpdate>>()
  let timer: TimerHandle | null = null

  // The timer starts with the first update after a flush: an idle market costs no wake-ups.
  const schedule = (): void => {
    timer ??= clock.setTimeout(flush, frameMs)
  }

  function flush(): void {
    timer?.cancel()
    timer = null
    for (const batch of trades.values()) {
      const kept = batch.trades.length > maxTrades ? batch.trades.slice(-maxTrades) : batch.trades
      bus.publish('market.tradesPrinted', { venue: batch.venue, symbol: batch.symbol, trades: kept, dropped: batch.trades.length - kept.length })
    }
    for (const bars of candles.values()) {
      for (const update of [...bars.values()].sort((a, b) => a.candle.timestamp - b.candle.timestamp)) bus.publish('market.candleUpdated', update)
    }
    for (const book of books.values()) {
      const depth = options.bookDepth(book.venue, book.symbol)
      bus.publish('market.bookUpdated', {
        venue: book.venue,
        symbol: book.symbol,
        bids: book.bids.slice(0, depth),
        asks: book.asks.slice(0, depth),
        sequence: book.sequence,
        timestamp: book.timestamp,
      })
    }
    for (const ticker of tickers.values()) bus.publish('market.tickerUpdated', ticker)
    trades.clear()
    candles.clear()
    books.clear()
    tickers.clear()
  }

  return {
    offerTicker(ticker) {
      tickers.set(symbolKey(ticker.venue, ticker.symbol), ticker)
      schedule()
    },
    offerBook(book) {
      books.set(symbolKey(book.venue, book.symbol), book)
      schedule()
    },
    offerTrades(venue, symbol, printed) {
      if (printed.length === 0) return
      const key = symbolKey(venue, symbol)
      const pending = trades.get(key)
      if (pending) pending.trades.push(...printed)
      else trades.set(key, { venue, symbol, trades: [...printed] })
      schedule()
    },
    offerCandle(venue, symbol, timeframe, candle) {
      const key = candleKey(venue, symbol, timeframe)
      let bars = candles.get(key)
      if (!bars) candles.set(key, (bars = new Map()))
      bars.set(candle.timestamp, { venue, symbol, timeframe, candle })
      schedule()
    },
    forget(ref) {
      const key = symbolKey(ref.venue, ref.symbol)
      switch (ref.stream) {
        case 'ticker':
          return void tickers.delete(key)
        case 'book':
          return void books.delete(key)
        case 'trades':
          return void trades.delete(key)
        case 'candles':
          return void candles.delete(candleKey(ref.venue, ref.symbol, ref.timeframe))
        default:
          return assertNever(ref.stream)
      }
    },
    flush,
    dispose() {
      timer?.cancel()
      timer = null
      tickers.clear()
      books.clear()
      trades.clear()
      candles.clear()
    },
  }
}

function candleKey(venue: VenueId, symbol: MarketSymbol, timeframe: Timeframe | null): string {
  return JSON.stringify([venue, symbol, timeframe])
}
