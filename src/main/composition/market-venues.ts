import { createMarketSimulator } from '../adapters/market-simulator'
import type { VenueRegistration } from '../core/market/venue-registry'
import type { Clock } from '../ports/clock'
import type { Logger } from '../ports/logger'

/** Fixed so every fresh profile sees the same simulated market, which makes bug reports reproducible. */
export const SIMULATOR_SEED = 20_260_101

/**
 * The market data venues a profile runs with. The simulator is always there:
 * it needs no network and no key, so the app works out of the box. Each live
 * venue is one more entry, e.g.
 * `{ client: createCcxtMarketData({ venue: 'okx', clock }), name: 'OKX', simulated: false }`.
 */
export function createMarketVenues(clock: Clock, logger: Logger): VenueRegistration[] {
  // A failing listener is logged rather than rethrown: it must not take the process down.
  const onListenerError = (error: unknown): void => logger.error('market data listener failed', { err: error })
  return [{ client: createMarketSimulator({ clock, seed: SIMULATOR_SEED, onListenerError }), name: 'Market simulator', simulated: true }]
}
