import type { FundingRate, MarketSymbol, VenueId } from '../../../shared/domain/market'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketSubscription } from '../../ports/market-data-client'

export interface FundingCache {
  /** Starts the symbol's funding stream (perpetuals only); a venue without one leaves funding unknown. */
  ensure(venue: VenueId, symbol: MarketSymbol): void
  latest(venue: VenueId, symbol: MarketSymbol): FundingRate | null
  close(): Promise<void>
}

/** Funding rates of the symbols pilots trade, kept warm between cycles. */
export function createFundingCache(client: (venue: VenueId) => MarketDataClient, logger: Logger): FundingCache {
  const latest = new Map<string, FundingRate>()
  const subscriptions = new Map<string, Promise<MarketSubscription | null>>()
  const key = (venue: VenueId, symbol: MarketSymbol): string => `${venue}|${symbol}`
  return {
    ensure(venue, symbol) {
      const k = key(venue, symbol)
      if (subscriptions.has(k)) return
      subscriptions.set(
        k,
        client(venue)
          .subscribe({ kind: 'funding', symbol }, (event) => {
            if (event.kind === 'funding') latest.set(k, event.funding)
          })
          .catch((error: unknown) => {
            logger.warn('funding stream unavailable', { venue, symbol, err: error })
            return null
          }),
      )
    },
    latest: (venue, symbol) => latest.get(key(venue, symbol)) ?? null,
    async close() {
      const held = await Promise.all(subscriptions.values())
      subscriptions.clear()
      await Promise.all(held.map((s) => s?.unsubscribe().catch(() => undefined)))
    },
  }
}
