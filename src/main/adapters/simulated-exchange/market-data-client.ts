import type { VenueCapabilities } from '../../../shared/domain/venue'
import type { MarketDataClient, MarketEvent, MarketSubscription } from '../../ports/market-data-client'
import { asOwnVenueError } from './venue-errors'

/** The same event with the simulated venue's id where it names a venue. */
export function relabel(venue: string, event: MarketEvent): MarketEvent {
  switch (event.kind) {
    case 'ticker':
      return { ...event, ticker: { ...event.ticker, venue } }
    case 'book':
      return { ...event, book: { ...event.book, venue } }
    case 'trades':
      return { ...event, trades: event.trades.map((trade) => ({ ...trade, venue })) }
    case 'funding':
      return { ...event, funding: { ...event.funding, venue } }
    case 'mark':
      return { ...event, mark: { ...event.mark, venue } }
    case 'candle':
    case 'status':
      return event
    default: {
      const unexpected: never = event
      throw new Error(`unexpected market event ${JSON.stringify(unexpected)}`)
    }
  }
}

/**
 * The source's market as the simulated venue's own, so the kernel treats a
 * paper venue like any other. Events are the source's, relabelled with this
 * venue's id when the ids differ (paper and live books of one market must not
 * mix under one key). close() ends only the subscriptions made through it:
 * the source belongs to whoever created it and may feed a live venue too.
 */
export function createPassThroughMarketData(venue: string, source: MarketDataClient, capabilities: VenueCapabilities): MarketDataClient {
  const subscriptions = new Set<MarketSubscription>()
  const same = venue === source.venue
  const translate = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      throw asOwnVenueError(venue, error)
    })

  return {
    venue,
    capabilities,
    loadInstruments: () => translate(source.loadInstruments().then((list) => (same ? list : list.map((i) => ({ ...i, venue }))))),
    async subscribe(stream, listener) {
      const inner = await translate(source.subscribe(stream, same ? listener : (event) => listener(relabel(venue, event))))
      const subscription: MarketSubscription = {
        stream: inner.stream,
        unsubscribe: async () => {
          subscriptions.delete(subscription)
          await translate(inner.unsubscribe())
        },
      }
      subscriptions.add(subscription)
      return subscription
    },
    fetchCandles: (symbol, timeframe, since, limit) => translate(source.fetchCandles(symbol, timeframe, since, limit)),
    fetchTrades: (symbol, since, limit) => translate(source.fetchTrades(symbol, since, limit).then((list) => (same ? list : list.map((t) => ({ ...t, venue }))))),
    async close() {
      const all = [...subscriptions]
      subscriptions.clear()
      await Promise.allSettled(all.map((s) => s.unsubscribe()))
    },
  }
}
