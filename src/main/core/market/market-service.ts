import { DEFAULT_BOOK_DEPTH, MAX_BOOK_DEPTH, type VenueStatus, type WatchInput, type WatchResult } from '../../../shared/contract/domains/market'
import { HandlerError } from '../../../shared/contract/envelope'
import type { Instrument, MarketSymbol, VenueId } from '../../../shared/domain/market'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { MarketStore } from '../../ports/market-store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import type { ComponentRegistry, ComponentReporter } from '../lifecycle/component-registry'
import { closestMatches as closestSymbols } from '../../../shared/market/closest-symbols'
import { createFeedMonitor, type FeedState } from './feed-monitor'
import { createFrameCoalescer } from './frame-coalescer'
import { withStoredHistory } from './history/stored-history'
import { createOrphanSweep } from './orphan-sweep'
import { createStreamPool } from './stream-pool'
import { streamRef, type StreamRef } from './stream-ref'
import { toHandlerError } from './venue-error-envelope'
import { venueComponentName, venueHealth } from './venue-health'
import { createVenueRegistry, type VenueRegistration, type VenueRegistry } from './venue-registry'

/** Bars of history a watch returns: several screens of any timeframe. */
export const HISTORY_BARS = 300

export interface MarketService {
  /** The venues by id, shared with the other market components (history downloads). */
  readonly venues: VenueRegistry
  listVenues(): VenueStatus[]
  connect(venue: VenueId): Promise<VenueStatus>
  listMarkets(venue: VenueId): Promise<Instrument[]>
  watch(input: WatchInput): Promise<WatchResult>
  unwatch(watchId: string): { watchId: string; released: boolean }
  watchCount(): number
  /** Adapter subscriptions currently held (shared between watchers). */
  subscriptionCount(): number
  shutdown(): Promise<void>
}

export interface MarketServiceDeps {
  clock: Clock
  bus: EventBus<KernelEvents>
  logger: Logger
  components: ComponentRegistry
  venues: readonly VenueRegistration[]
  /** Downloaded candles; a watch prepends those that lead up to the venue's history. */
  store?: Pick<MarketStore, 'candles'>
  staleAfterMs?: number
  frameMs?: number
}

interface Watch {
  readonly venue: VenueId
  readonly symbol: MarketSymbol
  readonly refs: readonly StreamRef[]
  readonly depth: number | null
}

/**
 * Market data for every consumer of the kernel: venues by id, watches that
 * share adapter subscriptions, events coalesced per frame onto the bus, and
 * each venue's health derived from its streams.
 */
export function createMarketService(deps: MarketServiceDeps): MarketService {
  const { clock, bus } = deps
  const logger = deps.logger.child({ component: 'market' })
  const venues = createVenueRegistry(deps.venues)
  const watches = new Map<string, Watch>()
  const bootTag = clock.now().toString(36)
  let watchSeq = 0

  const components = new Map<VenueId, ComponentReporter>()
  for (const id of venues.ids()) components.set(id, deps.components.register(venueComponentName(id)))

  const monitor = createFeedMonitor({ clock, staleAfterMs: deps.staleAfterMs, onChange: (state) => feedChanged(state) })
  const coalescer = createFrameCoalescer({ clock, bus, frameMs: deps.frameMs, bookDepth: (venue, symbol) => bookDepth(venue, symbol) })
  const pool = createStreamPool({ client: (venue) => venues.get(venue).client, coalescer, monitor, logger, bookDepth: MAX_BOOK_DEPTH })
  const sweep = createOrphanSweep({ clock, bus, logger, watchCount: () => watches.size, releaseAll: () => releaseAll() })

  const refreshHealth = (venue: VenueId): void => {
    const status = venues.status(venue)
    const health = venueHealth(venue, { state: status.connection, detail: status.detail }, monitor.states())
    components.get(venue)?.set(health.state, health.detail)
  }
  venues.onConnectionChange((venue) => refreshHealth(venue))
  for (const id of venues.ids()) refreshHealth(id)

  function feedChanged(state: FeedState): void {
    const { venue, symbol, stream, timeframe } = state.ref
    if (state.status === 'stale' || state.status === 'reconnecting') logger.warn('market stream not delivering', { venue, symbol, stream, status: state.status, detail: state.detail })
    bus.publish('market.feedStatusChanged', { venue, symbol, stream, timeframe, status: state.status, detail: state.detail, at: clock.now() })
    refreshHealth(venue)
  }

  // Watchers share one book subscription; each gets at least the depth it asked for.
  function bookDepth(venue: VenueId, symbol: MarketSymbol): number {
    let depth = 0
    for (const watch of watches.values()) {
      if (watch.venue === venue && watch.symbol === symbol && watch.depth !== null) depth = Math.max(depth, watch.depth)
    }
    return depth || DEFAULT_BOOK_DEPTH
  }

  const release = (watchId: string): boolean => {
    const watch = watches.get(watchId)
    if (!watch) return false
    watches.delete(watchId)
    for (const ref of watch.refs) pool.release(ref)
    sweep.watchesChanged()
    return true
  }

  function releaseAll(): void {
    for (const watchId of [...watches.keys()]) release(watchId)
  }

  const connect = async (venue: VenueId): Promise<Instrument[]> => {
    venues.get(venue) // an unknown venue is refused before anything is attempted
    try {
      return await venues.connect(venue)
    } catch (error) {
      throw toHandlerError(error, 'Loading the market list')
    }
  }

  const acquireAll = async (refs: readonly StreamRef[]): Promise<void> => {
    const results = await Promise.allSettled(refs.map((ref) => pool.acquire(ref)))
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (!failure) return
    refs.forEach((ref, i) => results[i]!.status === 'fulfilled' && pool.release(ref))
    throw failure.reason
  }

  // The cache only adds to what the venue answered: a store that fails to read costs the extra bars, not the watch.
  const withStored = (input: WatchInput, fetched: WatchResult['history']): WatchResult['history'] => {
    if (!deps.store) return fetched
    try {
      return withStoredHistory(deps.store, { venue: input.venue, symbol: input.symbol, timeframe: input.timeframe }, fetched)
    } catch (error) {
      logger.warn('could not read stored candles; showing the venue history only', { venue: input.venue, symbol: input.symbol, err: error })
      return fetched
    }
  }

  return {
    venues,
    listVenues: () => venues.ids().map((id) => venues.status(id)),
    async connect(venue) {
      await connect(venue)
      return venues.status(venue)
    },
    listMarkets: connect,
    async watch(input) {
      const instruments = await connect(input.venue)
      const { client } = venues.get(input.venue)
      const refs = input.streams.map((stream) => streamRef(input.venue, input.symbol, stream, input.timeframe))
      // Streams and history in parallel; an unknown symbol fails both with the adapter's own message.
      const [streams, history] = await Promise.allSettled([acquireAll(refs), client.fetchCandles(input.symbol, input.timeframe, null, HISTORY_BARS)])
      const release = (): void => {
        if (streams.status === 'fulfilled') for (const ref of refs) pool.release(ref)
      }
      if (streams.status === 'rejected' || history.status === 'rejected') {
        release()
        throw toHandlerError(streams.status === 'rejected' ? streams.reason : (history as PromiseRejectedResult).reason, `Watching ${input.symbol}`)
      }
      const instrument = instruments.find((i) => i.symbol === input.symbol)
      if (!instrument) {
        release()
        const near = closestSymbols(input.symbol, instruments.map((i) => i.symbol))
        throw new HandlerError('invalid_input', `Unknown symbol ${JSON.stringify(input.symbol)} on ${input.venue}; closest: ${near.join(', ') || 'none'}`)
      }
      const candles = withStored(input, history.value)
      const watchId = `w${bootTag}-${++watchSeq}`
      watches.set(watchId, { venue: input.venue, symbol: input.symbol, refs, depth: input.streams.includes('book') ? (input.depth ?? DEFAULT_BOOK_DEPTH) : null })
      sweep.watchesChanged()
      logger.debug('market watch started', { watchId, venue: input.venue, symbol: input.symbol, streams: input.streams, timeframe: input.timeframe })
      return { watchId, instrument, history: candles }
    },
    unwatch: (watchId) => ({ watchId, released: release(watchId) }),
    watchCount: () => watches.size,
    subscriptionCount: () => pool.size(),
    async shutdown() {
      sweep.dispose()
      watches.clear()
      coalescer.dispose()
      await pool.releaseAll()
      monitor.dispose()
      const closed = await Promise.allSettled(venues.ids().map((id) => venues.get(id).client.close()))
      closed.forEach((result, i) => {
        if (result.status === 'rejected') logger.warn('venue client did not close cleanly', { venue: venues.ids()[i], err: result.reason })
      })
      for (const component of components.values()) component.set('stopped')
    },
  }
}
