import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { openSqliteProfileStore } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { createMarketVenues } from '../../src/main/composition/market-venues'
import { createTestClock, type TestClock } from '../../src/main/core/clock/test-clock'
import { createWorkstation, type Workstation } from '../../src/main/core/workstation'
import type { ProfileStore } from '../../src/main/ports/store'
import type { ShellKind } from '../../src/shared/domain/system'

export interface TestKernel {
  workstation: Workstation
  clock: TestClock
  logger: ReturnType<typeof createMemoryLogger>
  store: ProfileStore
}

/**
 * The real kernel on a real SQLite file in `dataDir`, with a test clock. The
 * venues are the ones a real profile gets (the seeded market simulator), on
 * the test clock, so market data moves only when a test advances time.
 */
export function createTestKernel(dataDir: string, shell: ShellKind = 'headless'): TestKernel {
  const clock = createTestClock(Date.UTC(2026, 0, 1))
  const logger = createMemoryLogger('debug')
  const store = openSqliteProfileStore(dataDir, (key) => logger.warn('invalid setting', { key }))
  const workstation = createWorkstation({ version: '0.0.0-test', shell, dataDir }, { clock, logger, store, venues: createMarketVenues(clock, logger) })
  return { workstation, clock, logger, store }
}
