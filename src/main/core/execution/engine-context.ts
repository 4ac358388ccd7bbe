import type { AccountId } from '../../../shared/domain/account'
import type { Clock } from '../../ports/clock'
import type { ExecutionClient } from '../../ports/execution-client'
import type { Logger } from '../../ports/logger'
import type { JournalEntry, OrderJournal } from '../../ports/order-journal'
import type { ClientOrderIds } from './client-order-ids'
import type { ExecutionStep, ExecutionTuning } from './engine-types'
import type { ExecutionRecorder } from './execution-recorder'

/** Why we cancel: the trader or a pilot asked, the TTL ran out, the kill switch, or a zombie (final here, alive there). */
export type CancelReason = 'requested' | 'ttl' | 'kill_switch' | 'zombie'

/** What the parts of the engine share; built once by createExecutionEngine. */
export interface EngineContext {
  journal: OrderJournal
  clock: Clock
  logger: Logger
  recorder: ExecutionRecorder
  ids: ClientOrderIds
  tuning: ExecutionTuning
  clientFor(accountId: AccountId): ExecutionClient
  probe(step: ExecutionStep, entry: JournalEntry): void
  /** Orders we want gone, and why: cancelled as soon as the venue confirms them, never resent. */
  cancelWanted: Map<string, CancelReason>
  /** Orders this process is sending or resolving right now: reconciliation leaves them to that work. */
  inFlight: InFlight
  /** Runs background work so `idle()` can wait for it; errors are logged, never unhandled. */
  track(what: string, work: Promise<unknown>): void
  sleep(ms: number): Promise<void>
}

/** Counts the pieces of work holding an order, so nested work (a resend inside a resolution) cannot release it early. */
export interface InFlight {
  /** Holds the order until the returned release is called. */
  hold(clientOrderId: string): () => void
  has(clientOrderId: string): boolean
}

export function createInFlight(): InFlight {
  const holds = new Map<string, number>()
  return {
    hold(clientOrderId) {
      holds.set(clientOrderId, (holds.get(clientOrderId) ?? 0) + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        const left = (holds.get(clientOrderId) ?? 1) - 1
        if (left > 0) holds.set(clientOrderId, left)
        else holds.delete(clientOrderId)
      }
    },
    has: (clientOrderId) => holds.has(clientOrderId),
  }
}

/** The entry as the journal has it now; throws for an id that must exist (a bug otherwise). */
export function current(ctx: EngineContext, clientOrderId: string): JournalEntry {
  const entry = ctx.journal.byClientOrderId(clientOrderId)
  if (!entry) throw new Error(`execution: no journal entry for ${clientOrderId}`)
  return entry
}
