import type { MarkPrice, MarketSymbol, OrderBook, Ticker, VenueId } from '../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketEvent, MarketSubscription } from '../../ports/market-data-client'

/** The latest market facts of one symbol the order path cares about. */
export interface Quote {
  book: OrderBook | null
  mark: MarkPrice | null
  ticker: Ticker | null
}

export interface QuoteCache {
  /** Starts the symbol's book and mark streams if not running; resolves once they are set up. */
  ensure(venue: VenueId, symbol: MarketSymbol): Promise<void>
  latest(venue: VenueId, symbol: MarketSymbol): Quote
  /** Resolves when a book is there, or after `ms` of clock time without one. */
  waitForBook(venue: VenueId, symbol: MarketSymbol, ms: number): Promise<void>
  /** Best mark: the venue's mark price, else the last trade, else the mid. */
  markOf(venue: VenueId, symbol: MarketSymbol): { price: number; at: number } | null
  onMark(listener: (venue: VenueId, symbol: MarketSymbol, price: number, at: number) => void): () => void
  /** Every symbol with streams, its latest book and when that book arrived (clock time, not the venue's stamp). */
  watched(): Array<{ venue: VenueId; symbol: MarketSymbol; book: OrderBook | null; bookAt: number | null }>
  close(): Promise<void>
}

export interface QuoteCacheDeps {
  client: (venue: VenueId) => MarketDataClient
  clock: Clock
  logger: Logger
  /** Symbols never released while idle (those with positions or working orders). */
  held: (venue: VenueId, symbol: MarketSymbol) => boolean
  /** How long an unused symbol keeps its streams; 10 minutes by default. */
  idleMs?: number
}

interface Entry {
  quote: Quote
  /** Clock time the latest book arrived; the breakers judge staleness by it, whatever the venue's clock says. */
  bookAt: number | null
  ready: Promise<void>
  subscriptions: MarketSubscription[]
  usedAt: number
  waiters: Set<() => void>
}

const BOOK_DEPTH = 20
const key = (venue: VenueId, symbol: MarketSymbol): string => `${venue}|${symbol}`

/**
 * The order path's own subscriptions to the books and marks of the symbols it
 * trades, separate from the charts' watches: the risk engine needs them
 * whether or not a chart is open. Unused symbols are released after a while,
 * unless something is held there.
 */
export function createQuoteCache(deps: QuoteCacheDeps): QuoteCache {
  const { clock, logger } = deps
  const idleMs = deps.idleMs ?? 600_000
  const entries = new Map<string, Entry>()
  const markListeners = new Set<(venue: VenueId, symbol: MarketSymbol, price: number, at: number) => void>()
  let closed = false

  const notifyMark = (venue: VenueId, symbol: MarketSymbol, price: number, at: number): void => {
    if (!(price > 0 && Number.isFinite(price))) return
    for (const listener of [...markListeners]) {
      try {
        listener(venue, symbol, price, at)
      } catch (error) {
        logger.error('mark listener failed', { venue, symbol, err: error })
      }
    }
  }

  const onEvent = (entry: Entry, venue: VenueId, symbol: MarketSymbol, event: MarketEvent): void => {
    switch (event.kind) {
      case 'book':
        entry.quote.book = event.book
        entry.bookAt = clock.now()
        for (const wake of [...entry.waiters]) wake()
        return
      case 'mark':
        entry.quote.mark = event.mark
        notifyMark(venue, symbol, event.mark.markPrice, event.mark.timestamp)
        return
      case 'ticker':
        entry.quote.ticker = event.ticker
        if (!entry.quote.mark && event.ticker.last !== null) notifyMark(venue, symbol, event.ticker.last, event.ticker.timestamp)
        return
      case 'trades':
      case 'candle':
      case 'funding':
      case 'status':
        return
      default: {
        const never: never = event
        throw new Error(`unhandled market event ${String(never)}`)
      }
    }
  }

  const start = (venue: VenueId, symbol: MarketSymbol, entry: Entry): Promise<void> => {
    const client = deps.client(venue)
    const listener = (event: MarketEvent): void => onEvent(entry, venue, symbol, event)
    const book = client.subscribe({ kind: 'book', symbol, depth: BOOK_DEPTH }, listener)
    // A venue without a mark stream still prices positions by its ticker.
    const mark = client.subscribe({ kind: 'mark', symbol }, listener).catch(() => client.subscribe({ kind: 'ticker', symbol }, listener))
    return Promise.allSettled([book, mark]).then(async (results) => {
      for (const result of results) if (result.status === 'fulfilled') entry.subscriptions.push(result.value)
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (!failure) return
      await release(venue, symbol)
      throw failure.reason
    })
  }

  async function release(venue: VenueId, symbol: MarketSymbol): Promise<void> {
    const entry = entries.get(key(venue, symbol))
    if (!entry) return
    entries.delete(key(venue, symbol))
    for (const wake of [...entry.waiters]) wake()
    await Promise.allSettled(entry.subscriptions.map((s) => s.unsubscribe()))
  }

  const sweep: TimerHandle = clock.setInterval(() => {
    const now = clock.now()
    for (const [k, entry] of entries) {
      const [venue, symbol] = k.split('|') as [string, string]
      if (now - entry.usedAt >= idleMs && !deps.held(venue, symbol)) void release(venue, symbol)
    }
  }, Math.max(1_000, Math.floor(idleMs / 4)))

  const entryOf = (venue: VenueId, symbol: MarketSymbol): Entry | undefined => entries.get(key(venue, symbol))

  return {
    ensure(venue, symbol) {
      if (closed) return Promise.reject(new Error('the quote cache is closed'))
      const existing = entryOf(venue, symbol)
      if (existing) {
        existing.usedAt = clock.now()
        return existing.ready
      }
      const entry: Entry = { quote: { book: null, mark: null, ticker: null }, bookAt: null, ready: Promise.resolve(), subscriptions: [], usedAt: clock.now(), waiters: new Set() }
      entries.set(key(venue, symbol), entry)
      entry.ready = start(venue, symbol, entry)
      return entry.ready
    },
    latest: (venue, symbol) => ({ ...(entryOf(venue, symbol)?.quote ?? { book: null, mark: null, ticker: null }) }),
    waitForBook(venue, symbol, ms) {
      const entry = entryOf(venue, symbol)
      if (!entry || entry.quote.book) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const done = (): void => {
          timer.cancel()
          entry.waiters.delete(done)
          resolve()
        }
        const timer = clock.setTimeout(done, ms)
        entry.waiters.add(done)
      })
    },
    markOf(venue, symbol) {
      const quote = entryOf(venue, symbol)?.quote
      if (!quote) return null
      if (quote.mark) return { price: quote.mark.markPrice, at: quote.mark.timestamp }
      if (quote.ticker?.last) return { price: quote.ticker.last, at: quote.ticker.timestamp }
      const bid = quote.book?.bids[0]?.[0]
      const ask = quote.book?.asks[0]?.[0]
      return bid && ask && quote.book ? { price: (bid + ask) / 2, at: quote.book.timestamp } : null
    },
    onMark(listener) {
      markListeners.add(listener)
      return () => void markListeners.delete(listener)
    },
    watched() {
      return [...entries].map(([k, entry]) => {
        const [venue, symbol] = k.split('|') as [string, string]
        return { venue, symbol, book: entry.quote.book, bookAt: entry.bookAt }
      })
    },
    async close() {
      closed = true
      sweep.cancel()
      await Promise.allSettled([...entries.keys()].map((k) => release(...(k.split('|') as [string, string]))))
    },
  }
}
