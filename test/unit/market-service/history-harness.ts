import { join } from 'node:path'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { openMarketStore } from '../../../src/main/adapters/market-store'
import { openSqliteProfileStore } from '../../../src/main/adapters/sqlite/sqlite-profile-store'
import { createEventBus } from '../../../src/main/core/bus/event-bus'
import type { KernelEvents } from '../../../src/main/core/bus/kernel-events'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createComponentRegistry, type ComponentRegistry } from '../../../src/main/core/lifecycle/component-registry'
import { createHistoryService, type HistoryService, type HistoryServiceDeps } from '../../../src/main/core/market/history/history-service'
import { createVenueRegistry } from '../../../src/main/core/market/venue-registry'
import type { MarketDataClient } from '../../../src/main/ports/market-data-client'
import type { MarketStore } from '../../../src/main/ports/market-store'
import type { ProfileStore } from '../../../src/main/ports/store'
import type { HistoryDownload } from '../../../src/shared/contract/domains/market-history'
import { TIMEFRAME_MS, type Candle } from '../../../src/shared/domain/market'
import { makeTempDir } from '../../support/temp-dir'
import { createFakeMarketData } from './fake-market-data'

export const T0 = Date.UTC(2026, 0, 1)
export const MIN = 60_000

/** A venue whose candle history pages like a real one: `since`-based, closed candles only, each page taking `pageMs` of kernel time. */
export interface PagedVenue {
  client: MarketDataClient
  /** `since` of every fetchCandles call, in order. */
  calls: number[]
  pageMs: number
  /** Decides each call's failure (by call index), or none. */
  fail: ((call: number) => Error | null) | null
}

export function createPagedVenue(clock: TestClock): PagedVenue {
  const base = createFakeMarketData(clock)
  const venue: PagedVenue = {
    calls: [],
    pageMs: 0,
    fail: null,
    client: {
      ...base,
      async fetchCandles(_symbol, timeframe, since, limit) {
        const call = venue.calls.push(since ?? -1) - 1
        if (venue.pageMs > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, venue.pageMs))
        const failure = venue.fail?.(call)
        if (failure) throw failure
        const ms = TIMEFRAME_MS[timeframe]
        const closedBefore = Math.floor(clock.now() / ms) * ms
        const start = Math.ceil((since ?? closedBefore - limit * ms) / ms) * ms
        const out: Candle[] = []
        for (let t = start; t < closedBefore && out.length < limit; t += ms) out.push(candleAt(t))
        return out
      },
    },
  }
  return venue
}

export function candleAt(t: number): Candle {
  const price = 100 + ((t / MIN) % 50)
  return { timestamp: t, open: price, high: price + 1, low: price - 1, close: price + 0.5, volume: 3 }
}

export interface HistoryHarness {
  clock: TestClock
  venue: PagedVenue
  service: HistoryService
  components: ComponentRegistry
  marketStore: MarketStore
  profile: ProfileStore
  logger: ReturnType<typeof createMemoryLogger>
  /** Every market.historyProgressed payload with the clock time it was published at. */
  events: (HistoryDownload & { publishedAt: number })[]
  /** Lets promise continuations run (the fake venue and the store are async only through promises). */
  settle(): Promise<void>
  /** Advances the clock in steps, settling after each, so paged fetches progress as they would in real time. */
  run(ms: number, step?: number): Promise<void>
  historyHealth(): { state: string; detail?: string }
  dispose(): Promise<void>
}

export function createHistoryHarness(options: Partial<Pick<HistoryServiceDeps, 'pageLimit' | 'retryAttempts' | 'maxCandles'>> = {}): HistoryHarness {
  const dir = makeTempDir()
  const clock = createTestClock(T0)
  const logger = createMemoryLogger('debug')
  const bus = createEventBus<KernelEvents>((topic, error) => logger.error('listener failed', { topic, err: error }))
  const components = createComponentRegistry(clock)
  const venue = createPagedVenue(clock)
  const marketStore = openMarketStore(join(dir.path, 'market-data.sqlite'))
  const profile = openSqliteProfileStore(dir.path, () => {})
  const venues = createVenueRegistry([{ client: venue.client, name: 'Fake venue', simulated: false }])
  const service = createHistoryService({ clock, bus, logger, components, venues, store: marketStore, audit: profile.audit, ...options })
  const events: HistoryHarness['events'] = []
  bus.subscribe('market.historyProgressed', (payload) => events.push({ ...payload, publishedAt: clock.now() }))
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return {
    clock,
    venue,
    service,
    components,
    marketStore,
    profile,
    logger,
    events,
    settle,
    async run(ms, step = 50) {
      for (let t = 0; t < ms; t += step) {
        clock.advance(step)
        await settle()
      }
    },
    historyHealth() {
      const c = components.report().components.find((x) => x.name === 'history')!
      return c.detail === undefined ? { state: c.state } : { state: c.state, detail: c.detail }
    },
    async dispose() {
      await service.shutdown()
      marketStore.close()
      profile.close()
      dir.remove()
    },
  }
}
