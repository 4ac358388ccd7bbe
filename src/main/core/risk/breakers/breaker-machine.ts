import type { BreakerState } from '../../../../shared/domain/risk'
import { emptyMetrics, pruneMetrics, rebaseMetrics, recordInput } from './breaker-metrics'
import { currentTrips, type BreakerThresholds } from './breaker-trips'
import type { BreakerInput, BreakerMachineState, BreakerScope, BreakerTransition, BreakerTrip } from './breaker-types'

/**
 * One breaker per scope (the desk, each account, each pilot), as a pure state
 * machine: every function takes a state and returns a new one, with the
 * transition when the state changed, for the kernel to publish and persist.
 *
 *   ACTIVE ⇄ REDUCING   follows the conditions: it lifts by itself when they clear
 *   ACTIVE | REDUCING → HALTED   when a condition reaches its threshold, or by hand
 *   HALTED → anything   only through `liftHalt` by a person
 */
export interface BreakerStep {
  readonly state: BreakerMachineState
  readonly transition: BreakerTransition | null
}

export function createBreaker(scope: BreakerScope, scopeId: string, at: number): BreakerMachineState {
  return { scope, scopeId, state: 'active', halt: null, paused: null, trips: [], metrics: emptyMetrics(), updatedAt: Math.trunc(at) }
}

/** Feeds one input to the breaker. Inputs that arrive late are counted but never move time backwards. */
export function applyBreakerInput(current: BreakerMachineState, input: BreakerInput, thresholds: BreakerThresholds): BreakerStep {
  if (!Number.isFinite(input.at)) return { state: current, transition: null }
  const at = Math.trunc(input.at)
  const now = Math.max(current.updatedAt, at)
  const metrics = pruneMetrics(recordInput(current.metrics, { ...input, at }), now)
  return settle(current, { ...current, metrics, updatedAt: now }, thresholds)
}

/** Halts by hand (a person, or the kill switch); only a person lifts it again. */
export function engageHalt(current: BreakerMachineState, request: { by: 'human' | 'kill_switch'; at: number; reason: string }): BreakerStep {
  const trip: BreakerTrip = { rule: 'manual', tier: 'halted', message: `Halted by ${request.by === 'human' ? 'a person' : 'the kill switch'}: ${request.reason}`, limit: null, actual: null }
  const at = Math.max(current.updatedAt, Math.trunc(request.at))
  const halt = current.halt ? { ...current.halt, reasons: [...current.halt.reasons, trip] } : { at, by: request.by, reasons: [trip] }
  const next: BreakerMachineState = { ...current, halt, state: 'halted', updatedAt: at }
  return { state: next, transition: transitionOf(current, next, [trip]) }
}

/**
 * Lifts a halt. Only a person may (the type says so, and the check holds for
 * callers outside TypeScript too). The metrics restart from the present, or
 * the same drawdown would halt again on the next snapshot; the state then
 * follows whatever conditions are still going on.
 */
export function liftHalt(current: BreakerMachineState, request: { by: 'human'; at: number; thresholds: BreakerThresholds }): BreakerStep {
  if (request.by !== 'human' || !current.halt) return { state: current, transition: null }
  const at = Math.max(current.updatedAt, Math.trunc(request.at))
  const lifted: BreakerMachineState = { ...current, halt: null, metrics: rebaseMetrics(current.metrics, at), updatedAt: at }
  return settle(current, lifted, request.thresholds)
}

/** Pauses the scope: no new exposure, as in REDUCING, until resumed. Separate from, and no substitute for, a halt. */
export function pauseBreaker(current: BreakerMachineState, request: { by: string; at: number; reason: string }): BreakerMachineState {
  return { ...current, paused: { at: Math.trunc(request.at), by: request.by, reason: request.reason }, updatedAt: Math.max(current.updatedAt, Math.trunc(request.at)) }
}

/** Ends a pause; a halt stays a halt. */
export function resumeBreaker(current: BreakerMachineState, at: number): BreakerMachineState {
  return { ...current, paused: null, updatedAt: Math.max(current.updatedAt, Math.trunc(at)) }
}

/** The state the risk engine should apply for this scope: a pause stops new exposure like REDUCING. */
export function effectiveBreakerState(machine: BreakerMachineState): BreakerState {
  if (machine.state === 'halted') return 'halted'
  return machine.paused ? 'reducing' : machine.state
}

/** The worst of several states, for a scope that several breakers feed. */
export function worstBreakerState(states: readonly BreakerState[]): BreakerState {
  if (states.includes('halted')) return 'halted'
  return states.includes('reducing') ? 'reducing' : 'active'
}

// Recomputes the trips and the state; a halted trip latches the halt.
function settle(before: BreakerMachineState, next: BreakerMachineState, thresholds: BreakerThresholds): BreakerStep {
  const trips = currentTrips(next.metrics, thresholds, next.updatedAt)
  const halting = trips.filter((t) => t.tier === 'halted')
  const halt = next.halt ?? (halting.length > 0 ? { at: next.updatedAt, by: 'breaker' as const, reasons: halting } : null)
  const state: BreakerState = halt ? 'halted' : trips.length > 0 ? 'reducing' : 'active'
  const settled: BreakerMachineState = { ...next, trips, halt, state }
  return { state: settled, transition: transitionOf(before, settled, halt && !before.halt ? halt.reasons : trips) }
}

function transitionOf(before: BreakerMachineState, after: BreakerMachineState, reasons: readonly BreakerTrip[]): BreakerTransition | null {
  if (before.state === after.state) return null
  return { scope: after.scope, scopeId: after.scopeId, from: before.state, to: after.state, at: after.updatedAt, reasons }
}
