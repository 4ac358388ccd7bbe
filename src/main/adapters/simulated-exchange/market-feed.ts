import type { MarketSymbol } from '../../../shared/domain/market'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketEvent, MarketStream, MarketSubscription } from '../../ports/market-data-client'
import type { ExchangeEngine } from './exchange-engine'
import { asOwnVenueError } from './venue-errors'

/** The source's market, delivered straight to the engine: the venue sees the market without latency. */
export interface MarketFeed {
  /** Subscribes once per symbol; later calls share the first subscription. */
  watch(symbol: MarketSymbol): Promise<void>
  /** Resolves once the source sent a price (book, print or mark) for a watched symbol, or after FIRST_PRICE_WAIT_MS. */
  whenPriced(symbol: MarketSymbol): Promise<void>
  close(): Promise<void>
}

/** How long `watch` waits for a symbol's first price before resolving anyway (orders then refuse with "no price yet"). */
export const FIRST_PRICE_WAIT_MS = 2000

export function createMarketFeed(venue: string, source: MarketDataClient, engine: ExchangeEngine, logger: Logger | undefined, clock?: Clock): MarketFeed {
  const watching = new Map<MarketSymbol, Promise<void>>()
  // A source may send its first book only at its next tick; until a price arrived, an order here would refuse.
  const priced = new Set<MarketSymbol>()
  const priceWaiters = new Map<MarketSymbol, Array<() => void>>()
  const markPriced = (symbol: MarketSymbol): void => {
    if (priced.has(symbol)) return
    priced.add(symbol)
    for (const wake of priceWaiters.get(symbol) ?? []) wake()
    priceWaiters.delete(symbol)
  }
  const firstPrice = (symbol: MarketSymbol): Promise<void> => {
    if (priced.has(symbol) || !clock) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = clock.setTimeout(resolve, FIRST_PRICE_WAIT_MS)
      const waiters = priceWaiters.get(symbol) ?? []
      waiters.push(() => {
        timer.cancel()
        resolve()
      })
      priceWaiters.set(symbol, waiters)
    })
  }
  const subscriptions: MarketSubscription[] = []
  let closed = false

  const deliver = (event: MarketEvent): void => {
    try {
      switch (event.kind) {
        case 'book':
          engine.onBook(event.book)
          markPriced(event.book.symbol)
          break
        case 'trades':
          engine.onTrades(event.trades)
          for (const trade of event.trades) markPriced(trade.symbol)
          break
        case 'mark':
          engine.onMark(event.mark)
          markPriced(event.mark.symbol)
          break
        case 'funding':
          engine.onFunding(event.funding)
          break
        case 'ticker':
        case 'candle':
        case 'status':
          // Matching needs books and prints; feed health is the kernel's to watch on the pass-through side.
          break
        default: {
          const unexpected: never = event
          throw new Error(`unexpected market event ${JSON.stringify(unexpected)}`)
        }
      }
    } catch (error) {
      // Never let an engine bug break the source's dispatch loop; say so loudly instead.
      logger?.error('simulated exchange failed to apply a market event', { venue, kind: event.kind, error: String(error) })
    }
  }

  const subscribe = async (stream: MarketStream): Promise<void> => {
    const subscription = await source.subscribe(stream, deliver)
    if (closed) await subscription.unsubscribe()
    else subscriptions.push(subscription)
  }

  const start = async (symbol: MarketSymbol): Promise<void> => {
    // Orders match against the book and against prints. A recorded tape has only
    // prints (resting orders still fill as it trades through them); a book
    // replay has only books. A source with neither cannot trade.
    const streams: MarketStream[] = [
      { kind: 'book', symbol },
      { kind: 'trades', symbol },
      { kind: 'mark', symbol },
      { kind: 'funding', symbol },
    ]
    const outcomes = await Promise.allSettled(streams.map(subscribe))
    const [book, trades] = outcomes
    if (book!.status === 'rejected' && trades!.status === 'rejected') throw book!.reason
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') logger?.warn('simulated exchange runs without a market stream', { venue, stream: streams[i]!.kind, symbol, error: String(outcome.reason) })
    })
  }

  return {
    watch(symbol) {
      let promise = watching.get(symbol)
      if (!promise) {
        promise = start(symbol).catch((error: unknown) => {
          watching.delete(symbol)
          throw asOwnVenueError(venue, error)
        })
        watching.set(symbol, promise)
      }
      return promise
    },
    whenPriced: firstPrice,
    async close() {
      closed = true
      const all = subscriptions.splice(0)
      await Promise.allSettled(all.map((s) => s.unsubscribe()))
    },
  }
}
