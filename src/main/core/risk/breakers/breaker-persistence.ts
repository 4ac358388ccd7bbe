import { BreakerMachineStateSchema, type BreakerMachineState, type BreakerScope } from './breaker-types'
import { createBreaker } from './breaker-machine'

/** The breaker as JSON text, for the kernel to store after every change. */
export function serializeBreaker(state: BreakerMachineState): string {
  return JSON.stringify(state)
}

export type BreakerRestore = { ok: true; state: BreakerMachineState } | { ok: false; error: string }

/** Reads a stored breaker back, from JSON text or an already parsed value. */
export function restoreBreaker(stored: unknown): BreakerRestore {
  let value = stored
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored)
    } catch (error) {
      return { ok: false, error: `stored breaker is not JSON: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  const parsed = BreakerMachineStateSchema.safeParse(value)
  if (!parsed.success) return { ok: false, error: `stored breaker does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }
  return { ok: true, state: parsed.data }
}

/**
 * Restores a breaker, or when the stored state is unreadable starts it HALTED:
 * a halt must survive a restart, and a breaker that cannot tell whether it
 * was halted must assume it was. A missing record (null or undefined) is a
 * scope seen for the first time and starts ACTIVE.
 */
export function restoreBreakerOrHalt(stored: unknown, scope: BreakerScope, scopeId: string, at: number): BreakerMachineState {
  if (stored === null || stored === undefined) return createBreaker(scope, scopeId, at)
  const restored = restoreBreaker(stored)
  if (restored.ok) return restored.state
  const fresh = createBreaker(scope, scopeId, at)
  const trip = { rule: 'manual' as const, tier: 'halted' as const, message: `Breaker state could not be restored (${restored.error}); halted until a person checks it`, limit: null, actual: null }
  return { ...fresh, state: 'halted', halt: { at: fresh.updatedAt, by: 'restore', reasons: [trip] } }
}
