import type { VenueDescriptor } from '../../../shared/domain/venue'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import { CcxtExecution } from './ccxt-execution'
import { CcxtMarketData, type MarketDataStats } from './ccxt-market-data'
import type { BreakerOptions, BreakerState } from './discipline/circuit-breaker'
import { RequestDiscipline, type DisciplineStats } from './discipline/request-discipline'
import { createExchange, type VenueCredentials } from './exchange/create-exchange'
import type { EndpointOverrides } from './exchange/endpoint-overrides'
import { WireTap } from './exchange/wire-tap'
import { DEFAULT_EXECUTION_TUNING, type ExecutionTuning } from './execution/execution-tuning'
import { InstrumentCatalog } from './instruments/instrument-catalog'
import { DEFAULT_MARKET_DATA_TUNING, type MarketDataTuning } from './market-data/market-data-tuning'
import { parseRetryAfter } from './venue-code'
import { describeVenue, getVenueProfile } from './venue-profiles'

export interface CcxtVenueOptions {
  /** A profile id: 'okx', 'binance', 'binanceusdm', 'bybit', 'coinbase', 'kraken', 'htx', 'paradex'. */
  venueId: string
  /** Without credentials only market data works; every execution call fails with kind 'auth'. */
  credentials?: VenueCredentials
  /** Demo trading or testnet, where the venue has one. */
  demo: boolean
  /** Reach the venue through another host (a proxy, or a local fake in tests). */
  endpoints?: EndpointOverrides
  clock: Clock
  logger?: Logger
  /** Jitter source for backoff; tests pass a seeded one. */
  random?: () => number
  /** How long one HTTP request may take before it counts as timed out (default 10 s). */
  requestTimeoutMs?: number
  breaker?: BreakerOptions
  /** Attempts in all for requests that may be retried (reads, cancels). Default 3. */
  maxAttempts?: number
  marketData?: Partial<MarketDataTuning>
  execution?: Partial<ExecutionTuning>
  onBreakerChange?: (state: BreakerState, detail: string) => void
}

export interface CcxtVenue {
  descriptor: VenueDescriptor
  marketData: CcxtMarketData
  execution: CcxtExecution
  /**
   * What the API key may do ('read_only', 'trade', 'withdraw'), where the venue
   * says (OKX's account config `perm`); null where it does not or the call fails.
   */
  keyPermissions(): Promise<string[] | null>
  /** Counters for system health: requests, retries, breaker, resyncs, reconnects, malformed frames. */
  stats(): { requests: DisciplineStats; marketData: MarketDataStats; privateReconnects: number }
  close(): Promise<void>
}

const SILENT: Logger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  fatal: () => {},
  child: () => SILENT,
  setLevel: () => {},
  flush: async () => {},
}

/**
 * The composition root's entry to the ccxt adapter: one venue, its market
 * data and execution clients sharing one ccxt instance, one request
 * discipline (limits, lanes, breaker) and one instrument catalog.
 */
export async function createCcxtVenue(options: CcxtVenueOptions): Promise<CcxtVenue> {
  const profile = getVenueProfile(options.venueId)
  const logger = (options.logger ?? SILENT).child({ adapter: 'ccxt', venue: profile.id })
  const random = options.random ?? Math.random
  const exchange = await createExchange(profile, {
    ...(options.credentials ? { credentials: options.credentials } : {}),
    demo: options.demo,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    logger,
  })
  const discipline = new RequestDiscipline(profile, {
    clock: options.clock,
    logger,
    random,
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    retryAfterHint: () => parseRetryAfter(exchange.last_response_headers, options.clock.now()),
    ...(options.onBreakerChange ? { onBreakerChange: options.onBreakerChange } : {}),
  })
  const catalog = new InstrumentCatalog(profile.id, exchange, discipline)
  const wire = new WireTap(exchange, logger)
  const shared = { profile, exchange, discipline, catalog, wire, clock: options.clock, logger, random }
  const marketData = new CcxtMarketData({ ...shared, tuning: { ...DEFAULT_MARKET_DATA_TUNING, ...options.marketData } })
  const execution = new CcxtExecution({ ...shared, tuning: { ...DEFAULT_EXECUTION_TUNING, ...options.execution }, hasCredentials: options.credentials !== undefined })
  let closing: Promise<void> | null = null
  return {
    descriptor: describeVenue(profile),
    marketData,
    execution,
    keyPermissions: async () => {
      if (profile.wire !== 'okx' || !options.credentials) return null
      const api = exchange as unknown as { privateGetAccountConfig?: () => Promise<{ data?: { perm?: unknown }[] }> }
      if (typeof api.privateGetAccountConfig !== 'function') return null
      try {
        const answer = await discipline.run({ endpoint: 'balance', symbol: null, action: 'read the key permissions' }, () => api.privateGetAccountConfig!())
        const perm = answer.data?.[0]?.perm
        return typeof perm === 'string' ? perm.split(',').map((p) => p.trim()).filter((p) => p.length > 0) : null
      } catch (error) {
        logger.warn('could not read the key permissions', { error: error instanceof Error ? error.message : String(error) })
        return null
      }
    },
    stats: () => ({ requests: discipline.stats(), marketData: marketData.stats(), privateReconnects: execution.privateReconnects }),
    close: () => {
      closing ??= (async () => {
        await Promise.all([marketData.close(), execution.close()])
        discipline.close()
        await exchange.close()
      })()
      return closing
    },
  }
}
