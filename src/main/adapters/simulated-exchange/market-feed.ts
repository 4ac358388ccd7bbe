import type { MarketSymbol } from '../../../shared/domain/market'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketEvent, MarketStream, MarketSubscription } from '../../ports/market-data-client'
import type { ExchangeEngine } from './exchange-engine'
import { asOwnVenueError } from './venue-errors'

/** The source's market, delivered straight to the engine: the venue sees the market without latency. */
export interface MarketFeed {
  /** Subscribes once per symbol; later calls share the first subscription. */
  watch(symbol: MarketSymbol): Promise<void>
  close(): Promise<void>
}

export function createMarketFeed(venue: string, source: MarketDataClient, engine: ExchangeEngine, logger: Logger | undefined): MarketFeed {
  const watching = new Map<MarketSymbol, Promise<void>>()
  const subscriptions: MarketSubscription[] = []
  let closed = false

  const deliver = (event: MarketEvent): void => {
    try {
      switch (event.kind) {
        case 'book':
          engine.onBook(event.book)
          break
        case 'trades':
          engine.onTrades(event.trades)
          break
        case 'mark':
          engine.onMark(event.mark)
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
    async close() {
      closed = true
      const all = subscriptions.splice(0)
      await Promise.allSettled(all.map((s) => s.unsubscribe()))
    },
  }
}
