import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { createKeytarSecretStore } from '../adapters/keytar-secrets'
import { openMarketStore } from '../adapters/market-store'
import { openSqliteProfileStore } from '../adapters/sqlite/sqlite-profile-store'
import { createFileLogger } from '../adapters/logging/pino-file-logger'
import { createLiveClock } from '../core/clock/live-clock'
import type { WorkstationPorts } from '../core/workstation'
import { createAgentPorts, type AgentOptions } from './agent-ports'
import { createMarketVenues, type MarketVenueOptions } from './market-venues'
import { createVenueAccess } from './venue-access'

export const MARKET_DATA_FILE = 'market-data.sqlite'

export function marketDataPath(dataDir: string): string {
  return join(dataDir, MARKET_DATA_FILE)
}

/** node:crypto's SHA-256 as lowercase hex, for the approval gate (the kernel imports no Node built-ins). */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The ports a real profile runs on, shared by the Electron and headless
 * shells: the profile's SQLite file, the market data file beside it, a
 * rotating log file, the wall clock and the market data venues. A file that
 * cannot be opened (corrupt, or from a newer app) stops the start with the
 * adapter's message and is left as it was. `venues` chooses the venues and
 * their endpoints (the headless CLI's flags); Electron runs the defaults.
 * Accounts trade through the same venues (paper: a simulated exchange over
 * their market data; live: the venue with the keychain's credentials). With
 * `agents`, the agent desk runs too (models, rules, prompts, news). The
 * shell adds its own Approver.
 */
export function createProfilePorts(dataDir: string, venues: MarketVenueOptions = {}, agents?: AgentOptions): WorkstationPorts {
  const logger = createFileLogger({ dataDir, level: 'info' })
  let store: WorkstationPorts['store'] | undefined
  try {
    store = openSqliteProfileStore(dataDir, (key) => logger.warn('ignored an invalid stored setting; using its default', { key }))
    const marketStore = openMarketStore(marketDataPath(dataDir))
    const clock = createLiveClock()
    const marketVenues = createMarketVenues(clock, logger, venues)
    // Loaded on first use: a machine without a keychain still starts and paper-trades.
    const secrets = createKeytarSecretStore({ logger })
    const trading = createVenueAccess({ venues: marketVenues, clock, logger, secrets, ...(venues.endpoints ? { endpoints: venues.endpoints } : {}) })
    return {
      clock,
      logger,
      store,
      marketStore,
      venues: marketVenues,
      trading,
      secrets,
      sha256: sha256Hex,
      ...(agents ? { agents: createAgentPorts(agents, secrets, logger) } : {}),
    }
  } catch (error) {
    store?.close()
    logger.fatal(store ? 'cannot open the market data file' : 'cannot open the profile database', { err: error })
    void logger.flush()
    throw error
  }
}
