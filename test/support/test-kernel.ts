import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { openMarketStore } from '../../src/main/adapters/market-store'
import { openSqliteProfileStore } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { createMarketVenues } from '../../src/main/composition/market-venues'
import { marketDataPath, sha256Hex } from '../../src/main/composition/profile-ports'
import { createAgentPorts } from '../../src/main/composition/agent-ports'
import { createVenueAccess } from '../../src/main/composition/venue-access'
import type { AgentPorts } from '../../src/main/core/agents/create-agent-desk'
import { createTestClock, type TestClock } from '../../src/main/core/clock/test-clock'
import { createWorkstation, type Workstation } from '../../src/main/core/workstation'
import type { MarketStore } from '../../src/main/ports/market-store'
import type { SecretStore } from '../../src/main/ports/secret-store'
import type { ProfileStore } from '../../src/main/ports/store'
import type { ShellKind } from '../../src/shared/domain/system'
import { createMemorySecretStore } from './memory-secret-store'
import { createScriptedApprover, type ScriptedApprover } from './scripted-approver'

export interface TestKernel {
  workstation: Workstation
  clock: TestClock
  logger: ReturnType<typeof createMemoryLogger>
  store: ProfileStore
  marketStore: MarketStore
  /** Answers second approvals from its script; denies when the script is empty. */
  approver: ScriptedApprover
  secrets: SecretStore
}

export interface TestKernelOptions {
  approver?: ScriptedApprover
  /** The keychain; by default one that is unavailable, as on a build machine without a Secret Service. */
  secrets?: SecretStore
  /** Start time of the test clock; a restart should pass the previous kernel's time on. */
  startAt?: number
  /** Market venues to register; the simulator alone by default. Live ones stay idle (and offline) until used. */
  venues?: readonly string[]
  /**
   * Runs the agent desk too, with the real adapters (the openai SDK, the
   * rules, indicators, the repository's prompts, news feeds). Its schedule
   * stays off unless `autostart` is set; cycles run on demand.
   */
  agents?: Partial<Omit<AgentPorts, 'models' | 'rules' | 'indicators' | 'prompts' | 'news'>> & { modelEndpoints?: Record<string, string>; ports?: Partial<AgentPorts> }
}

/** The repository's resources/ folder (default prompts). */
export const RESOURCES_DIR = new URL('../../resources', import.meta.url).pathname

export const KEYCHAIN_MISSING = 'No Secret Service on this machine (test keychain)'

/**
 * The real kernel on real SQLite files in `dataDir` (the profile database and
 * the market data file), with a test clock. The venue is the seeded market
 * simulator a real profile gets, on the test clock, so market data moves only
 * when a test advances time; accounts trade through the real composition
 * (paper: a simulated exchange over the simulator), and the default paper
 * account 'paper-sim' exists from the first start. The live venues are left
 * out: they run on the wall clock and a network (test/integration points one
 * at the fake OKX instead).
 */
export function createTestKernel(dataDir: string, shell: ShellKind = 'headless', options: TestKernelOptions = {}): TestKernel {
  const clock = createTestClock(options.startAt ?? Date.UTC(2026, 0, 1))
  const logger = createMemoryLogger('debug')
  const store = openSqliteProfileStore(dataDir, (key) => logger.warn('invalid setting', { key }))
  const marketStore = openMarketStore(marketDataPath(dataDir))
  const venues = createMarketVenues(clock, logger, { venues: options.venues ?? ['sim'] })
  const approver = options.approver ?? createScriptedApprover()
  const secrets = options.secrets ?? createMemorySecretStore({ unavailable: KEYCHAIN_MISSING })
  const trading = createVenueAccess({ venues, clock, logger, secrets })
  const agents = options.agents
    ? {
        ...createAgentPorts({ resourcesDir: RESOURCES_DIR, autostart: false, ...(options.agents.modelEndpoints ? { modelEndpoints: options.agents.modelEndpoints } : {}) }, secrets, logger),
        ...options.agents,
        ...options.agents.ports,
      }
    : undefined
  const workstation = createWorkstation(
    { version: '0.0.0-test', shell, dataDir },
    { clock, logger, store, marketStore, venues, trading, approver, secrets, sha256: sha256Hex, ...(agents ? { agents } : {}) },
  )
  return { workstation, clock, logger, store, marketStore, approver, secrets }
}

/**
 * Lets kernel work that waits on the test clock run: advances it in `stepMs`
 * steps, yielding to I/O between them (or waiting `realMsPerStep` of real
 * time), until `work` settles (or `maxMs` of kernel time has passed), and
 * returns its result.
 */
export async function drive<T>(kernel: Pick<TestKernel, 'clock'>, work: Promise<T>, options: { stepMs?: number; maxMs?: number; realMsPerStep?: number } = {}): Promise<T> {
  const stepMs = options.stepMs ?? 50
  const maxMs = options.maxMs ?? 60_000
  let settled = false
  const watched = work.finally(() => (settled = true))
  watched.catch(() => undefined)
  // With realMsPerStep the clock moves at a steady pace against real time, for work that waits on real I/O (HTTP to a fake model).
  const pause = (): Promise<unknown> => (options.realMsPerStep ? new Promise((resolve) => setTimeout(resolve, options.realMsPerStep)) : new Promise((resolve) => setImmediate(resolve)))
  for (let elapsed = 0; !settled && elapsed < maxMs; elapsed += stepMs) {
    await pause()
    if (settled) break
    kernel.clock.advance(stepMs)
  }
  return watched
}
