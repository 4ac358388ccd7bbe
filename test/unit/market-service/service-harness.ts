import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createEventBus, type EventBus } from '../../../src/main/core/bus/event-bus'
import type { KernelEvents } from '../../../src/main/core/bus/kernel-events'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createComponentRegistry, type ComponentRegistry } from '../../../src/main/core/lifecycle/component-registry'
import { createMarketService, type MarketService, type MarketServiceDeps } from '../../../src/main/core/market/market-service'
import type { EventName, EventPayload } from '../../../src/shared/contract/channels'
import { createFakeMarketData, type FakeMarketData } from './fake-market-data'

export interface ServiceHarness {
  clock: TestClock
  bus: EventBus<KernelEvents>
  components: ComponentRegistry
  fake: FakeMarketData
  service: MarketService
  logger: ReturnType<typeof createMemoryLogger>
  /** Records every payload published on a channel from now on. */
  record<E extends EventName>(channel: E): EventPayload<E>[]
  /** Lets promise continuations run (the fake's async methods). */
  settle(): Promise<void>
}

export function createServiceHarness(options: Pick<MarketServiceDeps, 'store'> = {}): ServiceHarness {
  const clock = createTestClock(Date.UTC(2026, 0, 1))
  const logger = createMemoryLogger('debug')
  const bus = createEventBus<KernelEvents>((topic, error) => logger.error('listener failed', { topic, err: error }))
  const components = createComponentRegistry(clock)
  const fake = createFakeMarketData(clock)
  const service = createMarketService({ clock, bus, logger, components, venues: [{ client: fake, name: 'Fake venue', simulated: false }], ...options })
  return {
    clock,
    bus,
    components,
    fake,
    service,
    logger,
    record(channel) {
      const seen: EventPayload<typeof channel>[] = []
      bus.subscribe(channel, (payload) => seen.push(payload as EventPayload<typeof channel>))
      return seen
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  }
}
