import { join } from 'node:path'
import { openMarketStore } from '../adapters/market-store'
import { openSqliteProfileStore } from '../adapters/sqlite/sqlite-profile-store'
import { createFileLogger } from '../adapters/logging/pino-file-logger'
import { createLiveClock } from '../core/clock/live-clock'
import type { WorkstationPorts } from '../core/workstation'
import { createMarketVenues, type MarketVenueOptions } from './market-venues'

export const MARKET_DATA_FILE = 'market-data.sqlite'

export function marketDataPath(dataDir: string): string {
  return join(dataDir, MARKET_DATA_FILE)
}

/**
 * The ports a real profile runs on, shared by the Electron and headless
 * shells: the profile's SQLite file, the market data file beside it, a
 * rotating log file, the wall clock and the market data venues. A file that
 * cannot be opened (corrupt, or from a newer app) stops the start with the
 * adapter's message and is left as it was. `venues` chooses the venues and
 * their endpoints (the headless CLI's flags); Electron runs the defaults.
 */
export function createProfilePorts(dataDir: string, venues: MarketVenueOptions = {}): WorkstationPorts {
  const logger = createFileLogger({ dataDir, level: 'info' })
  let store: WorkstationPorts['store'] | undefined
  try {
    store = openSqliteProfileStore(dataDir, (key) => logger.warn('ignored an invalid stored setting; using its default', { key }))
    const marketStore = openMarketStore(marketDataPath(dataDir))
    const clock = createLiveClock()
    return { clock, logger, store, marketStore, venues: createMarketVenues(clock, logger, venues) }
  } catch (error) {
    store?.close()
    logger.fatal(store ? 'cannot open the market data file' : 'cannot open the profile database', { err: error })
    void logger.flush()
    throw error
  }
}
