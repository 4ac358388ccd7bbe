import ccxt, { type Exchange } from 'ccxt'
import type { Logger } from '../../../ports/logger'
import { VenueError } from '../../../ports/venue-error'
import type { VenueProfile } from '../profiles/venue-profile'
import { applyEndpointOverrides, needsPlainWsAgent, type EndpointOverrides } from './endpoint-overrides'

/** API keys as the venue issued them; only this adapter ever reads them. */
export interface VenueCredentials {
  apiKey: string
  secret: string
  /** OKX and some others call it passphrase. */
  password?: string
  uid?: string
  walletAddress?: string
  privateKey?: string
}

export interface ExchangeSettings {
  credentials?: VenueCredentials
  demo: boolean
  endpoints?: EndpointOverrides
  /** How long ccxt waits for one HTTP answer before giving up. */
  requestTimeoutMs: number
  logger: Logger
}

type ExchangeClass = new (config: Record<string, unknown>) => Exchange

/**
 * A configured ccxt.pro instance for one venue. ccxt's own rate limiter is off
 * (ours is in charge), its WebSocket reconnect delay is zero (our stream loops
 * back off on our clock), and demo mode and endpoint overrides are applied in
 * the order ccxt needs: sandbox first, since it swaps the URL table.
 */
export async function createExchange(profile: VenueProfile, settings: ExchangeSettings): Promise<Exchange> {
  const Class = (ccxt.pro as unknown as Record<string, ExchangeClass | undefined>)[profile.ccxtId]
  if (!Class) throw new VenueError('unsupported', profile.id, `${profile.id}: ccxt ${ccxt.version} has no WebSocket class '${profile.ccxtId}'`)
  const exchange = new Class({
    enableRateLimit: false,
    timeout: settings.requestTimeoutMs,
    newUpdates: true,
    ...(settings.credentials ?? {}),
  })
  exchange.options = {
    ...exchange.options,
    ...profile.ccxtOptions,
    ws: { ...(exchange.options['ws'] as object | undefined), backoff: { base: 0, factor: 1, max: 0 } },
  }
  // We never need the currency list, and on some venues it is one more private request per start.
  exchange.has['fetchCurrencies'] = false
  // ccxt prints its own diagnostics (an unparseable frame, a verbose trace) to the console; they belong in our log.
  exchange.log = (...args: unknown[]) => settings.logger.debug('ccxt says', { text: args.map(String).join(' ').slice(0, 500) })

  if (settings.demo) enableDemo(exchange, profile)
  if (settings.endpoints) {
    exchange.urls['api'] = applyEndpointOverrides(exchange.urls['api'], settings.endpoints, exchange.hostname) as typeof exchange.urls.api
    if (needsPlainWsAgent(settings.endpoints)) await exchange.loadHttpProxyAgent()
  }
  return exchange
}

function enableDemo(exchange: Exchange, profile: VenueProfile): void {
  switch (profile.demo) {
    case 'sandbox':
      exchange.setSandboxMode(true)
      return
    case 'demo_trading':
      exchange.enableDemoTrading(true)
      return
    case null:
      throw new VenueError('unsupported', profile.id, `${profile.id} has no demo or testnet mode; connect with demo off and real keys, or pick another venue`)
    default: {
      const unreachable: never = profile.demo
      return unreachable
    }
  }
}
