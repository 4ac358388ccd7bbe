import type { Instrument, VenueId } from '../../../shared/domain/market'
import { VenueIdSchema } from '../../../shared/domain/market'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient } from '../../ports/market-data-client'
import { type FeeRates, resolveFeeRates } from './fees'
import { type LatencyModel, NO_LATENCY, validateLatency } from './latency'

export interface SimulatedExchangeOptions {
  /** The id the venue answers to: 'paper', or the id of the venue it mirrors. */
  venue: VenueId
  clock: Clock
  /** Seeds the latency jitter, the only randomness in the venue. */
  seed: number
  /** Where books, prints, marks and funding come from: the market simulator, a replay, or a live venue. */
  source: MarketDataClient
  /** The tradable instruments; fetched from the source on first use when omitted. */
  instruments?: readonly Instrument[]
  /** Maker and taker rates; defaults to the schedule of the venue mirrored (OKX-like 0.02 % / 0.05 %). */
  fees?: FeeRates
  /** One-way delay of requests and answers; none by default, so `await submit()` works on a test clock. */
  latency?: LatencyModel
  /** Wallet per currency at the start; 10,000 USDT by default. */
  startingBalances?: Readonly<Record<string, number>>
  /** Leverage of a symbol until set otherwise; 10 by default. */
  defaultLeverage?: number
  /** Highest leverage accepted, further capped by each instrument's own maximum; 100 by default. */
  maxLeverage?: number
  /** Maintenance margin as a share of notional at the mark; 0.005 (0.5 %) by default. */
  maintenanceMarginRate?: number
  logger?: Logger
  /**
   * Added to venue order and trade ids ('sim-<tag>-t1'): a venue that starts
   * afresh on every run needs it for its ids to stay unique in a journal that
   * outlives the run. 1-16 lower-case letters or digits.
   */
  idTag?: string
}

export interface ResolvedOptions {
  venue: VenueId
  fees: FeeRates
  latency: LatencyModel
  startingBalances: Readonly<Record<string, number>>
  defaultLeverage: number
  maxLeverage: number
  maintenanceMarginRate: number
  idPrefix: string
}

export const DEFAULT_STARTING_BALANCES: Readonly<Record<string, number>> = { USDT: 10_000 }

/** Checks the configuration once, so a mistake fails at wiring time with a readable message. */
export function resolveOptions(options: SimulatedExchangeOptions): ResolvedOptions {
  const venue = VenueIdSchema.safeParse(options.venue)
  if (!venue.success) throw new TypeError(`venue must be a lower-case venue id like 'paper', received ${JSON.stringify(options.venue)}`)
  const startingBalances = options.startingBalances ?? DEFAULT_STARTING_BALANCES
  for (const [currency, amount] of Object.entries(startingBalances)) {
    if (!(amount >= 0 && Number.isFinite(amount))) throw new RangeError(`starting balance of ${currency} must be a finite amount >= 0, received ${amount}`)
  }
  const maxLeverage = options.maxLeverage ?? 100
  const defaultLeverage = options.defaultLeverage ?? Math.min(10, maxLeverage)
  if (!(maxLeverage >= 1)) throw new RangeError(`maxLeverage must be at least 1, received ${maxLeverage}`)
  if (!(defaultLeverage >= 1 && defaultLeverage <= maxLeverage)) {
    throw new RangeError(`defaultLeverage must be between 1 and maxLeverage (${maxLeverage}), received ${defaultLeverage}`)
  }
  const maintenanceMarginRate = options.maintenanceMarginRate ?? 0.005
  if (!(maintenanceMarginRate >= 0 && maintenanceMarginRate < 1)) {
    throw new RangeError(`maintenanceMarginRate must be in [0, 1), received ${maintenanceMarginRate}`)
  }
  if (options.idTag !== undefined && !/^[a-z0-9]{1,16}$/.test(options.idTag)) throw new TypeError(`idTag must be 1-16 lower-case letters or digits, received ${JSON.stringify(options.idTag)}`)
  return {
    venue: venue.data,
    idPrefix: options.idTag === undefined ? venue.data : `${venue.data}-${options.idTag}`,
    fees: resolveFeeRates(venue.data, options.source.venue, options.fees),
    latency: validateLatency(options.latency ?? NO_LATENCY),
    startingBalances,
    defaultLeverage,
    maxLeverage,
    maintenanceMarginRate,
  }
}
