import type { EndpointOverrides } from '../adapters/ccxt'
// The profiles alone, not the adapter's index: that one loads ccxt, which waits until a venue is first used.
import { getVenueProfile } from '../adapters/ccxt/venue-profiles'
import type { VenueRegistration } from '../core/market/venue-registry'
import type { Clock } from '../ports/clock'
import type { Logger } from '../ports/logger'
import { createLazyMarketData } from './lazy-market-data'

/** The live venues a profile can register for public market data (no key needed), in the order the picker lists them. */
export const LIVE_VENUE_IDS = ['okx', 'binance', 'binanceusdm', 'bybit'] as const

export interface LiveVenueDeps {
  clock: Clock
  logger: Logger
  /** Where to reach the venue instead of its public hosts (a proxy, or the fake OKX in tests). */
  endpoints?: EndpointOverrides
}

/**
 * One live ccxt venue for public market data. Its name and capabilities come
 * from the adapter's profile, so the venue is listed at once; ccxt itself is
 * loaded and the venue built when the trader first connects or watches it.
 * Demo mode is off: it concerns trading, and public prices should be the
 * real market's.
 */
export function createLiveVenue(venueId: string, deps: LiveVenueDeps): VenueRegistration {
  const profile = getVenueProfile(venueId)
  const logger = deps.logger.child({ venue: profile.id })
  const client = createLazyMarketData({
    venue: profile.id,
    capabilities: profile.capabilities,
    create: async () => {
      logger.info('starting live market data', { endpoints: deps.endpoints ?? 'venue default' })
      const { createCcxtVenue } = await import('../adapters/ccxt')
      return createCcxtVenue({
        venueId: profile.id,
        demo: false,
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.endpoints ? { endpoints: deps.endpoints } : {}),
        onBreakerChange: (state, detail) => logger.warn('venue circuit breaker changed', { state, detail }),
      })
    },
  })
  return { client, name: profile.name, simulated: false }
}
