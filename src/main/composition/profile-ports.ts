import { openSqliteProfileStore } from '../adapters/sqlite/sqlite-profile-store'
import { createFileLogger } from '../adapters/logging/pino-file-logger'
import { createLiveClock } from '../core/clock/live-clock'
import type { WorkstationPorts } from '../core/workstation'

/**
 * The ports a real profile runs on, shared by the Electron and headless
 * shells: the profile's SQLite file, a rotating log file, the wall clock.
 */
export function createProfilePorts(dataDir: string): WorkstationPorts {
  const logger = createFileLogger({ dataDir, level: 'info' })
  try {
    const store = openSqliteProfileStore(dataDir, (key) => logger.warn('ignored an invalid stored setting; using its default', { key }))
    return { clock: createLiveClock(), logger, store }
  } catch (error) {
    logger.fatal('cannot open the profile database', { err: error })
    void logger.flush()
    throw error
  }
}
