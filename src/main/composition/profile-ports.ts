import { openSqliteProfileStore } from '../adapters/sqlite/sqlite-profile-store'
import { createFileLogger } from '../adapters/logging/pino-file-logger'
import { createLiveClock } from '../core/clock/live-clock'
import type { WorkstationPorts } from '../core/workstation'
import { createMarketVenues } from './market-venues'

/**
 * The ports a real profile runs on, shared by the Electron and headless
 * shells: the profile's SQLite file, a rotating log file, the wall clock and
 * the market data venues.
 */
export function createProfilePorts(dataDir: string): WorkstationPorts {
  const logger = createFileLogger({ dataDir, level: 'info' })
  try {
    const store = openSqliteProfileStore(dataDir, (key) => logger.warn('ignored an invalid stored setting; using its default', { key }))
    const clock = createLiveClock()
    return { clock, logger, store, venues: createMarketVenues(clock, logger) }
  } catch (error) {
    logger.fatal('cannot open the profile database', { err: error })
    void logger.flush()
    throw error
  }
}
