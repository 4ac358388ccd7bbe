import type { BreakerStatus, RiskScope } from '../../../shared/contract/domains/risk'
import type { BreakerState, RiskConfig } from '../../../shared/domain/risk'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { RiskStateRepository } from '../../ports/risk-state-repository'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import {
  applyBreakerInput,
  effectiveBreakerState,
  engageHalt,
  liftHalt,
  pauseBreaker,
  restoreBreakerOrHalt,
  resumeBreaker,
  serializeBreaker,
  type BreakerInput,
  type BreakerMachineState,
  type BreakerScope,
  type BreakerStep,
} from '../risk'

/** Metrics alone (a new equity, an API call) are saved at most this often; state changes at once. */
const SAVE_EVERY_MS = 10_000

export interface BreakerBoard {
  /** The state the risk engine applies for a scope: a pause counts as reducing. */
  effective(scope: RiskScope): BreakerState
  status(scope: RiskScope): BreakerStatus
  /** Feeds one input to the scope's breaker; publishes and saves a change of state. */
  feed(scope: RiskScope, input: BreakerInput): void
  halt(scope: RiskScope, by: 'human' | 'kill_switch', reason: string): BreakerStatus
  /** Only a person lifts a halt; the caller has checked the two approvals. */
  lift(scope: RiskScope): BreakerStatus
  pause(scope: RiskScope, by: string, reason: string): BreakerStatus
  resume(scope: RiskScope): BreakerStatus
  /** Saves every breaker whose metrics changed since the last save; called at shutdown. */
  flush(): void
}

export interface BreakerBoardDeps {
  repository: RiskStateRepository
  clock: Clock
  logger: Logger
  bus: EventBus<KernelEvents>
  config: () => RiskConfig
}

export function scopeKeyOf(scope: RiskScope): { kind: BreakerScope; id: string } {
  switch (scope.kind) {
    case 'desk':
      return { kind: 'desk', id: 'desk' }
    case 'account':
      return { kind: 'account', id: scope.accountId }
    case 'pilot':
      return { kind: 'pilot', id: scope.pilotId }
    default: {
      const never: never = scope
      throw new Error(`unknown scope ${JSON.stringify(never)}`)
    }
  }
}

/**
 * One breaker per scope (the desk, each account, each pilot), restored from
 * the profile at start (an unreadable one starts HALTED) and saved whenever
 * its state changes, so a halt survives a restart.
 */
export function createBreakerBoard(deps: BreakerBoardDeps): BreakerBoard {
  const { repository, clock, logger, bus } = deps
  const machines = new Map<string, BreakerMachineState>()
  const savedAt = new Map<string, number>()
  const dirty = new Set<string>()
  const since = new Map<string, number>()

  for (const stored of repository.breakers()) {
    const machine = restoreBreakerOrHalt(stored.state, stored.scope, stored.scopeId, clock.now())
    if (machine.halt?.by === 'restore') logger.error('a stored breaker could not be read; its scope starts halted', { scope: stored.scope, scopeId: stored.scopeId })
    const k = `${stored.scope}:${stored.scopeId}`
    machines.set(k, machine)
    since.set(k, machine.halt?.at ?? machine.paused?.at ?? machine.updatedAt)
  }

  const keyOf = (scope: RiskScope): string => {
    const { kind, id } = scopeKeyOf(scope)
    return `${kind}:${id}`
  }
  const machineOf = (scope: RiskScope): BreakerMachineState => {
    const k = keyOf(scope)
    let machine = machines.get(k)
    if (!machine) {
      const { kind, id } = scopeKeyOf(scope)
      machine = restoreBreakerOrHalt(null, kind, id, clock.now())
      machines.set(k, machine)
      since.set(k, machine.updatedAt)
    }
    return machine
  }

  const save = (k: string, machine: BreakerMachineState): void => {
    repository.saveBreaker({ scope: machine.scope, scopeId: machine.scopeId, state: serializeBreaker(machine), updatedAt: machine.updatedAt })
    savedAt.set(k, clock.now())
    dirty.delete(k)
  }

  const statusOf = (scope: RiskScope): BreakerStatus => {
    const machine = machineOf(scope)
    const reasons = [...(machine.halt?.reasons ?? []), ...machine.trips].map((t) => t.message)
    if (machine.paused) reasons.push(`Paused by ${machine.paused.by}: ${machine.paused.reason}`)
    return { scope, state: machine.state, paused: machine.paused !== null, reasons: [...new Set(reasons)], since: since.get(keyOf(scope)) ?? machine.updatedAt }
  }

  /** Stores the new machine; a change of state or pause is saved and published at once. */
  const commit = (scope: RiskScope, next: BreakerMachineState, announce: boolean): BreakerStatus => {
    const k = keyOf(scope)
    machines.set(k, next)
    if (announce) {
      since.set(k, clock.now())
      save(k, next)
      const status = statusOf(scope)
      logger.info('breaker changed', { scope: k, state: status.state, paused: status.paused })
      bus.publish('risk.stateChanged', status)
      return status
    }
    dirty.add(k)
    if (clock.now() - (savedAt.get(k) ?? 0) >= SAVE_EVERY_MS) save(k, next)
    return statusOf(scope)
  }

  const step = (scope: RiskScope, run: (machine: BreakerMachineState) => BreakerStep): BreakerStatus => {
    const before = machineOf(scope)
    const { state, transition } = run(before)
    return commit(scope, state, transition !== null || state.halt !== before.halt)
  }

  return {
    effective: (scope) => effectiveBreakerState(machineOf(scope)),
    status: statusOf,
    feed(scope, input) {
      step(scope, (m) => applyBreakerInput(m, input, deps.config().breakers))
    },
    halt: (scope, by, reason) => step(scope, (m) => engageHalt(m, { by, at: clock.now(), reason })),
    lift: (scope) => step(scope, (m) => liftHalt(m, { by: 'human', at: clock.now(), thresholds: deps.config().breakers })),
    pause: (scope, by, reason) => commit(scope, pauseBreaker(machineOf(scope), { by, at: clock.now(), reason }), true),
    resume: (scope) => commit(scope, resumeBreaker(machineOf(scope), clock.now()), true),
    flush() {
      for (const k of [...dirty]) {
        const machine = machines.get(k)
        if (machine) save(k, machine)
      }
    },
  }
}
