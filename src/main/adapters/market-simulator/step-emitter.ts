import type { MarketEvent } from '../../ports/market-data-client'
import { BOOK_LEVELS } from './book-builder'
import type { StreamGroup, SubscriptionEntry } from './subscriptions'
import type { SymbolMarket } from './symbol-market'

/** Funding moves slowly; venues push it about this often, not on every quote. */
export const FUNDING_PUBLISH_MS = 5_000

export type Deliver = (entry: SubscriptionEntry, event: MarketEvent) => void

/**
 * Publishes what one tick of one symbol produced to that symbol's streams.
 * Trades and candle updates are drained even when nobody listens, so they
 * never pile up; books and tickers are only built for listeners.
 */
export function emitStep(market: SymbolMarket, groups: Iterable<StreamGroup>, from: number, to: number, deliver: Deliver): void {
  const trades = market.drainTrades()
  const candleUpdates = market.drainCandles()
  const fundingDue = Math.floor(to / FUNDING_PUBLISH_MS) !== Math.floor(from / FUNDING_PUBLISH_MS)

  for (const group of groups) {
    const stream = group.stream
    if (stream.symbol !== market.spec.symbol) continue
    const entries = [...group.entries]
    const toAll = (event: MarketEvent): void => entries.forEach((entry) => deliver(entry, event))
    switch (stream.kind) {
      case 'trades':
        if (trades.length > 0) toAll({ kind: 'trades', trades })
        break
      case 'candles': {
        const updates = candleUpdates.filter((u) => u.timeframe === stream.timeframe)
        for (const { candle } of updates) toAll({ kind: 'candle', symbol: stream.symbol, timeframe: stream.timeframe, candle })
        const current = updates.length === 0 ? market.currentCandle(stream.timeframe) : null
        for (const entry of entries) {
          if (entry.fresh && current) deliver(entry, { kind: 'candle', symbol: stream.symbol, timeframe: stream.timeframe, candle: current })
        }
        break
      }
      case 'book':
        toAll({ kind: 'book', book: market.book(stream.depth ?? BOOK_LEVELS) })
        break
      case 'ticker':
        toAll({ kind: 'ticker', ticker: market.ticker() })
        break
      case 'mark':
        toAll({ kind: 'mark', mark: market.mark() })
        break
      case 'funding': {
        const event: MarketEvent = { kind: 'funding', funding: market.funding() }
        for (const entry of entries) if (fundingDue || entry.fresh) deliver(entry, event)
        break
      }
      default: {
        const never: never = stream
        throw new Error(`Unknown market stream ${JSON.stringify(never)}`)
      }
    }
    for (const entry of entries) entry.fresh = false
  }
}
