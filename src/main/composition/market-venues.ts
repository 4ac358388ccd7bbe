import type { EndpointOverrides } from '../adapters/ccxt'
import { createMarketSimulator, SIM_VENUE } from '../adapters/market-simulator'
import type { VenueRegistration } from '../core/market/venue-registry'
import type { Clock } from '../ports/clock'
import type { Logger } from '../ports/logger'
import { createLiveVenue, LIVE_VENUE_IDS } from './live-venues'

/** Fixed so every fresh profile sees the same simulated market, which makes bug reports reproducible. */
export const SIMULATOR_SEED = 20_260_101

export { SIM_VENUE }

/** Every venue id a profile may register, in the order the venue picker lists them. */
export const KNOWN_VENUE_IDS: readonly string[] = [SIM_VENUE, ...LIVE_VENUE_IDS]

/**
 * What a profile registers unless told otherwise: all of them. The simulator
 * comes first, so the Chart page opens on it without touching the network;
 * the live venues cost nothing until the trader picks one.
 */
export const DEFAULT_VENUE_IDS: readonly string[] = KNOWN_VENUE_IDS

export interface MarketVenueOptions {
  /** Which venues to register, from KNOWN_VENUE_IDS; DEFAULT_VENUE_IDS when absent. */
  venues?: readonly string[]
  /** Per live venue id, where to reach it instead of its public hosts. */
  endpoints?: Readonly<Record<string, EndpointOverrides>>
}

/** The market data venues a profile runs with. */
export function createMarketVenues(clock: Clock, logger: Logger, options: MarketVenueOptions = {}): VenueRegistration[] {
  const ids = options.venues ?? DEFAULT_VENUE_IDS
  // The shells validate their input; an unknown id here is a wiring bug, so it stops the start.
  const unknown = [...ids, ...Object.keys(options.endpoints ?? {})].filter((id) => !KNOWN_VENUE_IDS.includes(id))
  if (unknown.length > 0) throw new Error(`Unknown venue ${unknown.join(', ')}; expected one of: ${KNOWN_VENUE_IDS.join(', ')}`)
  return ids.map((id) => {
    if (id === SIM_VENUE) return simulatorVenue(clock, logger)
    const endpoints = options.endpoints?.[id]
    return createLiveVenue(id, { clock, logger, ...(endpoints ? { endpoints } : {}) })
  })
}

// Needs no network and no key, so the app works out of the box.
function simulatorVenue(clock: Clock, logger: Logger): VenueRegistration {
  // A failing listener is logged rather than rethrown: it must not take the process down.
  const onListenerError = (error: unknown): void => logger.error('market data listener failed', { err: error })
  return { client: createMarketSimulator({ clock, seed: SIMULATOR_SEED, onListenerError }), name: 'Market simulator', simulated: true }
}
