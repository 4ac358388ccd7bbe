import { randomBytes } from 'node:crypto'
import type { EndpointOverrides } from '../adapters/ccxt'
import { createSimulatedExchange } from '../adapters/simulated-exchange/simulated-exchange'
// The profiles alone, not the adapter's index: that one loads ccxt, which waits until a venue is first used.
import { getVenueProfile, VENUE_PROFILES } from '../adapters/ccxt/venue-profiles'
import type { VenueRegistration } from '../core/market/venue-registry'
import type { Clock } from '../ports/clock'
import type { Logger } from '../ports/logger'
import type { SecretStore } from '../ports/secret-store'
import { apiKeySecretName, parseStoredCredentials, type TradingAccountSpec, type TradingVenue, type VenueAccess } from '../ports/venue-access'
import { VenueError } from '../ports/venue-error'
import { verifyCcxtCredentials } from './credential-check'
import { createLazyExecution } from './lazy-execution'
import { SIMULATOR_SEED } from './market-venues'

export interface VenueAccessDeps {
  /** The market venues: a paper account trades a simulated exchange over its venue's market data. */
  venues: readonly VenueRegistration[]
  clock: Clock
  logger: Logger
  /** The keychain live accounts' credentials are read from; absent, live accounts cannot trade. */
  secrets?: SecretStore | undefined
  /** Per live venue id, where to reach it instead of its public hosts (the fake OKX in tests). */
  endpoints?: Readonly<Record<string, EndpointOverrides>>
}

/**
 * How accounts reach their venues: a paper account gets its own simulated
 * exchange over the venue's market data client (the simulator, or a live
 * venue's real prices); a live account gets the ccxt venue itself, built on
 * first use with the credentials the keychain holds for it.
 */
export function createVenueAccess(deps: VenueAccessDeps): VenueAccess {
  const { clock, logger } = deps
  const sourceOf = (venue: string) => {
    const registration = deps.venues.find((r) => r.client.venue === venue)
    if (!registration) throw new VenueError('not_found', venue, `No market data venue ${venue} is registered`)
    return registration.client
  }
  const isLiveVenue = (venue: string): boolean => VENUE_PROFILES.some((p) => p.id === venue)

  function paper(spec: TradingAccountSpec): TradingVenue {
    // A fresh simulated venue each run: its ids get a run tag, or a trade id of this run could repeat one of the journal's.
    const idTag = `${Math.trunc(clock.now()).toString(36)}${randomBytes(2).toString('hex')}`.slice(-16)
    const exchange = createSimulatedExchange({ venue: spec.venue, clock, seed: seedOf(spec.id), source: sourceOf(spec.venue), startingBalances: spec.startingBalances, logger, idTag })
    return {
      execution: exchange.execution,
      // Orders reach the paper venue right after this: it must have a price, not only a subscription.
      prepare: (symbols) => exchange.watchPriced(symbols),
      onFunding: (listener) => exchange.onAccountEvent((event) => event.type === 'funding' && listener(event.payment)),
      restore: (holdings) => exchange.restore(holdings),
      reload: async () => undefined,
      close: () => exchange.close(),
    }
  }

  function live(spec: TradingAccountSpec): TradingVenue {
    const profile = getVenueProfile(spec.venue)
    const execution = createLazyExecution(profile.id, profile.capabilities, async () => {
      const credentials = deps.secrets ? parseStoredCredentials((await deps.secrets.get(apiKeySecretName(spec.id))) ?? '') : null
      if (!credentials) throw new VenueError('auth', profile.id, `No API key is stored for account ${spec.id}; save one in Settings`)
      logger.info('starting live trading connection', { accountId: spec.id, venue: profile.id, demo: spec.demoKey })
      const { createCcxtVenue } = await import('../adapters/ccxt')
      const endpoints = deps.endpoints?.[profile.id]
      const venue = await createCcxtVenue({
        venueId: profile.id,
        demo: spec.demoKey,
        credentials: { apiKey: credentials.apiKey, secret: credentials.secret, ...(credentials.passphrase ? { password: credentials.passphrase } : {}) },
        clock,
        logger,
        ...(endpoints ? { endpoints } : {}),
      })
      return { execution: venue.execution, close: () => venue.close() }
      // ccxt's `has` map is known only once ccxt loads; OKX is the venue whose cancel-all-after the adapter drives.
    }, { deadManSwitch: profile.wire === 'okx' })
    return {
      execution,
      // Live venues stream what they need once trading starts; nothing to subscribe ahead.
      prepare: async () => undefined,
      onFunding: () => () => undefined,
      restore: async () => undefined,
      reload: () => execution.reset(),
      close: () => execution.close(),
    }
  }

  return {
    open: (spec) => (spec.mode === 'paper' ? paper(spec) : live(spec)),
    supportsLive: isLiveVenue,
    verifyCredentials: (venue, credentials) => verifyCcxtCredentials({ venue, credentials, clock, logger, endpoints: deps.endpoints?.[venue] }),
  }
}

// Each paper account its own latency jitter, the same at every start.
function seedOf(accountId: string): number {
  let hash = SIMULATOR_SEED
  for (const char of accountId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash >>> 0
}
