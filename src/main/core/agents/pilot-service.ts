import type { CycleReport } from '../../../shared/contract/domains/pilots'
import { HandlerError } from '../../../shared/contract/envelope'
import type { PilotConfig, PilotState, PilotStatus } from '../../../shared/domain/agents/pilot'
import type { NewsItem } from '../../../shared/domain/agents/news'
import type { AccountView, MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import type { PilotRepository } from '../../ports/agent-store'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { AuditLog } from '../../ports/store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import type { ModelBudget } from './model-budget'
import { runPilotCycle, type CycleDeps } from './pilot-cycle'
import type { SnapshotBuilder, SnapshotRequest } from './snapshot-builder'

export interface PilotService {
  list(): PilotStatus[]
  status(pilotId: string): PilotStatus
  update(pilotId: string, patch: Partial<PilotConfig>): PilotStatus
  /** Adds a pilot (paused) with its own paper account. */
  create(pilot: Omit<PilotConfig, 'accountId' | 'enabled' | 'createdAt'>, startingBalance: number): Promise<PilotStatus>
  /** Stops a pilot (cancelling a running cycle) and removes it; its account and records stay. */
  remove(pilotId: string): Promise<boolean>
  pause(pilotId: string): PilotStatus
  resume(pilotId: string): PilotStatus
  stop(pilotId: string): Promise<PilotStatus>
  runNow(pilotId: string): Promise<CycleReport>
  /** Starts the scheduler; the first cycle of every running pilot comes after `firstCycleMs`. */
  start(): void
  /** Announces every pilot again (after a key, provider or breaker change). */
  refresh(): void
  shutdown(): Promise<void>
}

export interface PilotServiceDeps {
  repository: PilotRepository
  clock: Clock
  logger: Logger
  bus: EventBus<KernelEvents>
  audit: AuditLog
  budget: ModelBudget
  snapshots: SnapshotBuilder
  /** Whether the pilot's main model can be called: its provider exists and has a key where it needs one. */
  modelReady: (pilot: PilotConfig) => { ready: true } | { ready: false; reason: string }
  /** Whether a breaker over the pilot (the desk's, its account's or its own) is halted. */
  halted: (pilot: PilotConfig) => boolean
  account: (pilot: PilotConfig) => AccountView
  news: () => { items: readonly NewsItem[]; block: string }
  storeSnapshot: (snapshot: MarketSnapshot) => void
  cycle: CycleDeps
  validate: (pilot: PilotConfig) => void
  /** Checks the symbols are listed on the venue (throws a readable error otherwise). */
  validateSymbols: (venue: string, symbols: readonly string[]) => Promise<void>
  /** Opens the new pilot's paper account; returns its id. */
  openAccount: (pilot: { id: string; name: string; venue: string }, startingBalance: number) => string
  /** The scheduler's resolution: how often it looks for due pilots. */
  tickMs?: number
  firstCycleMs?: number
}

interface Runtime {
  mode: 'running' | 'paused' | 'stopped'
  nextCycleAt: number | null
  lastCycleAt: number | null
  running: Promise<CycleReport> | null
  abort: AbortController | null
}

/**
 * The pilots and their schedule. Pilots due together share one frozen
 * snapshot, so the arena compares them on the same market. A pilot never
 * runs two cycles at once; a paused pilot finishes its cycle, a stopped one
 * has it cancelled.
 */
export function createPilotService(deps: PilotServiceDeps): PilotService {
  const { clock, bus, repository } = deps
  const logger = deps.logger.child({ component: 'pilots' })
  const tickMs = deps.tickMs ?? 1000
  const firstCycleMs = deps.firstCycleMs ?? 3000
  const runtimes = new Map<string, Runtime>()
  let ticker: TimerHandle | null = null
  let closed = false

  const runtimeOf = (pilot: PilotConfig): Runtime => {
    let runtime = runtimes.get(pilot.id)
    if (!runtime) {
      runtime = { mode: pilot.enabled ? 'running' : 'paused', nextCycleAt: null, lastCycleAt: null, running: null, abort: null }
      runtimes.set(pilot.id, runtime)
    }
    return runtime
  }

  const requirePilot = (pilotId: string): PilotConfig => {
    const pilot = repository.get(pilotId)
    if (!pilot) throw new HandlerError('invalid_input', `No pilot ${JSON.stringify(pilotId)}`)
    return pilot
  }

  function stateOf(pilot: PilotConfig, runtime: Runtime): { state: PilotState; detail: string | null } {
    if (runtime.mode === 'stopped') return { state: 'stopped', detail: null }
    if (runtime.mode === 'paused') return { state: 'paused', detail: null }
    if (deps.halted(pilot)) return { state: 'halted', detail: 'a breaker over this pilot (desk, account or pilot) is halted; a person lifts it on the Risk page' }
    const ready = deps.modelReady(pilot)
    if (!ready.ready) return { state: 'waiting_for_key', detail: ready.reason }
    if (pilot.model.providerId !== 'rules' && !deps.budget.within(pilot)) return { state: 'over_budget', detail: "today's model budget is spent; the pilot holds until the next UTC day" }
    return { state: 'running', detail: null }
  }

  function statusOf(pilot: PilotConfig): PilotStatus {
    const runtime = runtimeOf(pilot)
    const { state, detail } = stateOf(pilot, runtime)
    return {
      config: pilot,
      state,
      detail,
      lastCycleAt: runtime.lastCycleAt,
      nextCycleAt: state === 'running' ? runtime.nextCycleAt : null,
      cycling: runtime.running !== null,
      spentToday: deps.budget.spentToday(pilot.id),
    }
  }

  const announce = (pilot: PilotConfig): PilotStatus => {
    const status = statusOf(pilot)
    bus.publish('pilots.changed', status)
    return status
  }

  async function runCycles(pilots: readonly PilotConfig[]): Promise<Map<string, CycleReport>> {
    const reports = new Map<string, CycleReport>()
    const requests = groupRequests(pilots)
    const started = clock.now()
    let built: Awaited<ReturnType<SnapshotBuilder['build']>>
    try {
      built = await deps.snapshots.build(requests)
    } catch (error) {
      for (const pilot of pilots) reports.set(pilot.id, failedReport(pilot, started, `snapshot failed: ${messageOf(error)}`))
      return reports
    }
    deps.storeSnapshot(built.snapshot)
    const news = deps.news()
    await Promise.all(
      pilots.map(async (pilot) => {
        const runtime = runtimeOf(pilot)
        const abort = new AbortController()
        runtime.abort = abort
        const run = (async (): Promise<CycleReport> => {
          const mine = built.snapshot.symbols.filter((s) => s.venue === pilot.venue && pilot.symbols.includes(s.symbol))
          if (mine.length === 0) return { ...failedReport(pilot, started, `no market data for ${pilot.symbols.join(', ')}: ${built.gaps.map((g) => g.reason).join('; ')}`), outcome: 'skipped' as const }
          const snapshot = { ...built.snapshot, symbols: mine }
          return runPilotCycle(deps.cycle, { pilot, snapshot, account: deps.account(pilot), news: news.items, newsBlock: news.block, signal: abort.signal })
        })().catch((error: unknown) => {
          logger.error('pilot cycle failed', { pilotId: pilot.id, err: error })
          return failedReport(pilot, started, messageOf(error))
        })
        runtime.running = run
        announce(pilot)
        const report = await run
        runtime.running = null
        runtime.abort = null
        runtime.lastCycleAt = started
        reports.set(pilot.id, report)
        deps.audit.append({ kind: 'pilots.cycle', actor: `pilot:${pilot.id}`, subject: pilot.id, payload: { cycleId: report.cycleId, snapshot: report.snapshotHash, outcome: report.outcome, intents: report.intents, sent: report.sent } }, clock.now())
        bus.publish('pilots.cycleCompleted', report)
        const fresh = repository.get(pilot.id)
        if (fresh) announce(fresh)
      }),
    )
    return reports
  }

  function tick(): void {
    if (closed) return
    const now = clock.now()
    const due: PilotConfig[] = []
    for (const pilot of repository.list()) {
      const runtime = runtimeOf(pilot)
      if (runtime.running || runtime.nextCycleAt === null || runtime.nextCycleAt > now) continue
      if (stateOf(pilot, runtime).state !== 'running') continue
      // The next slot follows the schedule, not the cycle's end, so pilots with the same cadence stay together.
      while (runtime.nextCycleAt <= now) runtime.nextCycleAt += pilot.cadenceMs
      due.push(pilot)
    }
    if (due.length > 0) void runCycles(due)
  }

  return {
    list: () => repository.list().map(statusOf),
    status: (pilotId) => statusOf(requirePilot(pilotId)),
    update(pilotId, patch) {
      const current = requirePilot(pilotId)
      const next: PilotConfig = { ...current, ...patch, id: current.id, accountId: current.accountId, venue: current.venue, createdAt: current.createdAt }
      deps.validate(next)
      repository.upsert(next)
      deps.audit.append({ kind: 'pilots.updated', actor: 'user', subject: pilotId, payload: patch }, clock.now())
      const runtime = runtimeOf(next)
      if (patch.cadenceMs !== undefined && runtime.nextCycleAt !== null) runtime.nextCycleAt = Math.min(runtime.nextCycleAt, clock.now() + next.cadenceMs)
      return announce(next)
    },
    async create(draft, startingBalance) {
      if (repository.get(draft.id)) throw new HandlerError('invalid_input', `A pilot named ${JSON.stringify(draft.id)} exists already`)
      await deps.validateSymbols(draft.venue, draft.symbols)
      const candidate: PilotConfig = { ...draft, accountId: 'pending', enabled: false, createdAt: clock.now() }
      deps.validate({ ...candidate, accountId: 'pilot-check' })
      const pilot: PilotConfig = { ...candidate, accountId: deps.openAccount(draft, startingBalance) }
      repository.upsert(pilot)
      runtimeOf(pilot).mode = 'paused'
      deps.audit.append({ kind: 'pilots.created', actor: 'user', subject: pilot.id, payload: { accountId: pilot.accountId, venue: pilot.venue, model: pilot.model, pipeline: pilot.pipeline, startingBalance } }, clock.now())
      return announce(pilot)
    },
    async remove(pilotId) {
      const pilot = requirePilot(pilotId)
      const runtime = runtimeOf(pilot)
      runtime.mode = 'stopped'
      runtime.abort?.abort()
      if (runtime.running) await runtime.running.catch(() => undefined)
      const removed = repository.remove(pilotId)
      deps.audit.append({ kind: 'pilots.removed', actor: 'user', subject: pilotId, payload: { accountId: pilot.accountId } }, clock.now())
      // Its last word, so screens showing it mark it stopped; pilots.list no longer has it.
      const last: PilotStatus = { ...statusOf(pilot), state: 'stopped', nextCycleAt: null }
      runtimes.delete(pilotId)
      bus.publish('pilots.changed', last)
      return removed
    },
    pause(pilotId) {
      const pilot = requirePilot(pilotId)
      runtimeOf(pilot).mode = 'paused'
      repository.upsert({ ...pilot, enabled: false })
      deps.audit.append({ kind: 'pilots.paused', actor: 'user', subject: pilotId, payload: {} }, clock.now())
      return announce({ ...pilot, enabled: false })
    },
    resume(pilotId) {
      const pilot = { ...requirePilot(pilotId), enabled: true }
      const runtime = runtimeOf(pilot)
      runtime.mode = 'running'
      runtime.nextCycleAt ??= clock.now() + firstCycleMs
      repository.upsert(pilot)
      deps.audit.append({ kind: 'pilots.resumed', actor: 'user', subject: pilotId, payload: {} }, clock.now())
      return announce(pilot)
    },
    async stop(pilotId) {
      const pilot = { ...requirePilot(pilotId), enabled: false }
      const runtime = runtimeOf(pilot)
      runtime.mode = 'stopped'
      runtime.abort?.abort()
      repository.upsert(pilot)
      deps.audit.append({ kind: 'pilots.stopped', actor: 'user', subject: pilotId, payload: {} }, clock.now())
      if (runtime.running) await runtime.running
      return announce(pilot)
    },
    async runNow(pilotId) {
      const pilot = requirePilot(pilotId)
      const runtime = runtimeOf(pilot)
      if (runtime.running) throw new HandlerError('unavailable', `${pilot.name} is in the middle of a cycle`)
      const { state, detail } = stateOf(pilot, { ...runtime, mode: 'running' })
      if (state !== 'running') throw new HandlerError('unavailable', `${pilot.name} cannot run now: ${state.replaceAll('_', ' ')}${detail ? ` (${detail})` : ''}`)
      const reports = await runCycles([pilot])
      return reports.get(pilot.id)!
    },
    start() {
      const first = clock.now() + firstCycleMs
      for (const pilot of repository.list()) {
        const runtime = runtimeOf(pilot)
        if (runtime.mode === 'running') runtime.nextCycleAt ??= first
      }
      ticker ??= clock.setInterval(tick, tickMs)
    },
    refresh() {
      for (const pilot of repository.list()) announce(pilot)
    },
    async shutdown() {
      closed = true
      ticker?.cancel()
      for (const runtime of runtimes.values()) runtime.abort?.abort()
      await Promise.all([...runtimes.values()].map((r) => r.running?.catch(() => undefined)))
    },
  }
}

function groupRequests(pilots: readonly PilotConfig[]): SnapshotRequest[] {
  const byVenue = new Map<string, Set<string>>()
  for (const pilot of pilots) {
    const set = byVenue.get(pilot.venue) ?? new Set<string>()
    for (const symbol of pilot.symbols) set.add(symbol)
    byVenue.set(pilot.venue, set)
  }
  return [...byVenue].map(([venue, symbols]) => ({ venue, symbols: [...symbols].sort() }))
}

function failedReport(pilot: PilotConfig, startedAt: number, detail: string): CycleReport {
  return { pilotId: pilot.id, cycleId: `failed-${startedAt}`, snapshotHash: '', startedAt, durationMs: 0, decisions: 0, intents: 0, sent: 0, outcome: 'failed', detail }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
