import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { openMarketStore } from '../../src/main/adapters/market-store'
import { openSqliteProfileStore } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { createMarketVenues } from '../../src/main/composition/market-venues'
import { marketDataPath } from '../../src/main/composition/profile-ports'
import { createTestClock, type TestClock } from '../../src/main/core/clock/test-clock'
import { createWorkstation, type Workstation } from '../../src/main/core/workstation'
import type { MarketStore } from '../../src/main/ports/market-store'
import type { ProfileStore } from '../../src/main/ports/store'
import type { ShellKind } from '../../src/shared/domain/system'

export interface TestKernel {
  workstation: Workstation
  clock: TestClock
  logger: ReturnType<typeof createMemoryLogger>
  store: ProfileStore
  marketStore: MarketStore
}

/**
 * The real kernel on real SQLite files in `dataDir` (the profile database and
 * the market data file), with a test clock. The venue is the seeded market
 * simulator a real profile gets, on the test clock, so market data moves only
 * when a test advances time. The live venues are left out: they run on the
 * wall clock and a network (test/integration/live-venue.test.ts points one at
 * the fake OKX through the headless CLI instead).
 */
export function createTestKernel(dataDir: string, shell: ShellKind = 'headless'): TestKernel {
  const clock = createTestClock(Date.UTC(2026, 0, 1))
  const logger = createMemoryLogger('debug')
  const store = openSqliteProfileStore(dataDir, (key) => logger.warn('invalid setting', { key }))
  const marketStore = openMarketStore(marketDataPath(dataDir))
  const workstation = createWorkstation({ version: '0.0.0-test', shell, dataDir }, { clock, logger, store, marketStore, venues: createMarketVenues(clock, logger, { venues: ['sim'] }) })
  return { workstation, clock, logger, store, marketStore }
}
