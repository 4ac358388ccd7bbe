import type { MarketSymbol } from '../../../shared/domain/market'
import type { ExecutionClient, ExecutionEvent } from '../../ports/execution-client'
import type { MarketDataClient } from '../../ports/market-data-client'
import { VenueError } from '../../ports/venue-error'
import type { AccountEvent } from './account-events'
import { simulatedCapabilities } from './capabilities'
import { createEventHub } from './event-hub'
import { createExchangeEngine } from './exchange-engine'
import { createSimulatedExecutionClient } from './execution-client'
import { createInstrumentRegistry } from './instrument-registry'
import { createWire } from './latency'
import { createMarketFeed } from './market-feed'
import { createPassThroughMarketData } from './market-data-client'
import { resolveOptions, type SimulatedExchangeOptions } from './options'
import { createSeededRandom } from './seeded-random'
import { createVenueCaller } from './venue-caller'

export type { AccountEvent, FundingPayment } from './account-events'
export type { FeeRates } from './fees'
export { FEE_SCHEDULES } from './fees'
export type { LatencyModel } from './latency'
export type { LiquidationReport, LiquidatedPosition } from './liquidation'
export type { SimulatedExchangeOptions } from './options'

/** A paper venue: both venue ports over a market source, plus what only a simulated venue offers. */
export interface SimulatedExchange {
  readonly venue: string
  readonly execution: ExecutionClient
  readonly marketData: MarketDataClient
  /** Subscribes the source's markets for these symbols now, so a first order already finds a book. */
  watch(symbols: readonly MarketSymbol[]): Promise<void>
  /** Watches and resolves once each symbol has a price, or after a short bounded wait: what a venue's first snapshot gives. */
  watchPriced(symbols: readonly MarketSymbol[]): Promise<void>
  /** Leverage of one symbol, like a venue's set-leverage call (it crosses the wire); refused if margin would not cover. */
  setLeverage(symbol: MarketSymbol, leverage: number): Promise<void>
  /** Funding payments and liquidations, delivered like execution events. */
  onAccountEvent(listener: (event: AccountEvent) => void): () => void
  /** Every account event so far, oldest first. */
  accountEvents(): AccountEvent[]
  /** Puts back a paper account's wallet and net positions (signed contracts) from before a restart. */
  restore(state: { wallet: Readonly<Record<string, number>>; positions: readonly { symbol: MarketSymbol; contracts: number; entryPrice: number }[] }): Promise<void>
  /** Closes both sides; the source stays open (it belongs to the caller). */
  close(): Promise<void>
}

/**
 * Wires the simulated exchange: an engine at the "venue", wires with seeded
 * latency between it and the client, a feed from the source into the engine,
 * and the source passed through as this venue's market data.
 *
 * Modelling choices, each explained where it is made:
 * - our orders trade against the source's market, never against each other;
 *   liquidity we take is gone until the next book snapshot (order-book-view);
 * - a resting order fills as maker at its own price when a book level reaches
 *   it (equal price included) or a print goes strictly through it (matching-engine);
 * - fill-or-kill that cannot fill, post-only that would take and reduce-only
 *   that would grow the position are refused, not accepted and cancelled;
 * - perpetual swaps only, net positions, cross margin per settle currency,
 *   liquidation of all its positions at the mark (margin, liquidation);
 * - latency is the only randomness: the seed drives the jitter and nothing else.
 */
export function createSimulatedExchange(options: SimulatedExchangeOptions): SimulatedExchange {
  const resolved = resolveOptions(options)
  const { venue } = resolved
  const { clock, source, logger } = options
  const reportError = (error: unknown): void => logger?.error('simulated exchange listener failed', { venue, error: String(error) })
  const random = createSeededRandom(options.seed)
  const inbound = createWire(clock, resolved.latency, random, reportError)
  const outbound = createWire(clock, resolved.latency, random, reportError)
  const executionEvents = createEventHub<ExecutionEvent>(reportError)
  const accountHub = createEventHub<AccountEvent>(reportError)
  const accountHistory: AccountEvent[] = []
  const instruments = createInstrumentRegistry(venue, source, options.instruments)
  const capabilities = simulatedCapabilities(source.capabilities)

  const engine = createExchangeEngine({
    venue,
    clock,
    instruments,
    fees: resolved.fees,
    account: resolved,
    maintenanceMarginRate: resolved.maintenanceMarginRate,
    idPrefix: resolved.idPrefix,
    emit: (event) => outbound.send(() => executionEvents.dispatch(event)),
    emitAccount: (event) => {
      accountHistory.push(event)
      outbound.send(() => accountHub.dispatch(event))
    },
  })
  const feed = createMarketFeed(venue, source, engine, logger, clock)
  const caller = createVenueCaller({ venue, instruments, feed, inbound, outbound })
  const marketData = createPassThroughMarketData(venue, source, capabilities)

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      caller.shutdown()
      inbound.close()
      outbound.close()
      engine.close()
      executionEvents.clear()
      accountHub.clear()
      await Promise.all([feed.close(), marketData.close()])
    })()
    return closing
  }
  const execution = createSimulatedExecutionClient({ venue, capabilities, engine, caller, events: executionEvents, close })

  return {
    venue,
    execution,
    marketData,
    async watch(symbols) {
      await instruments.ready()
      await Promise.all(symbols.map((symbol) => feed.watch(symbol)))
    },
    async watchPriced(symbols) {
      await instruments.ready()
      await Promise.all(symbols.map((symbol) => feed.watch(symbol).then(() => feed.whenPriced(symbol))))
    },
    setLeverage: (symbol, leverage) => execution.setLeverage(symbol, leverage),
    onAccountEvent: (listener) => accountHub.add(listener),
    accountEvents: () => [...accountHistory],
    async restore(state) {
      await instruments.ready()
      const held = state.positions.map((p) => {
        const instrument = instruments.lookup(p.symbol)
        if (!instrument) throw new VenueError('not_found', venue, `cannot restore a position in ${p.symbol}: ${venue} does not list it`)
        return { instrument, contracts: p.contracts, entryPrice: p.entryPrice }
      })
      engine.restore(state.wallet, held)
    },
    close,
  }
}
