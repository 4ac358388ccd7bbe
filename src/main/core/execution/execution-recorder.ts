import type { OrderState } from '../../../shared/domain/order'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { JournalEntry, RecordedFill } from '../../ports/order-journal'
import type { AuditLog } from '../../ports/store'
import { isVenueError } from '../../ports/venue-error'
import type { ExecutionEngineEvent, ExecutionEngineEvents, ExecutionEventSink } from './engine-types'

export interface ExecutionRecorder {
  intent(entry: JournalEntry): void
  sent(entry: JournalEntry): void
  answer(entry: JournalEntry, state: OrderState): void
  failure(entry: JournalEntry, phase: string, error: unknown): void
  changed(before: JournalEntry, after: JournalEntry): void
  /** A fill recorded for the first time; `entry` is its order when we know it. */
  fill(recorded: RecordedFill, entry: JournalEntry | null): void
  imported(entry: JournalEntry): void
  /** Anything else worth the audit trail: cancels asked for, zombies, dead-man switches, reconciliations. */
  note(kind: string, entry: JournalEntry | null, payload: Record<string, unknown>): void
  onEvent(listener: (event: ExecutionEngineEvent) => void): () => void
}

/** A venue error's useful parts; never the request, so nothing secret can reach the audit log. */
export function describeError(error: unknown): Record<string, unknown> {
  if (isVenueError(error)) return { kind: error.kind, reason: error.reason, venueCode: error.venueCode, message: error.message }
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) }
}

const link = (entry: JournalEntry) => ({ intentId: entry.intentId, clientOrderId: entry.clientOrderId, accountId: entry.accountId })

/**
 * Every step of the order path goes to the audit log, linked by intent id
 * (the subject) and client order id, and state changes go out as events.
 * An audit write that fails is logged, not thrown: the journal already
 * holds the order, and the order path must not stop halfway.
 */
export function createExecutionRecorder(deps: { audit: AuditLog; clock: Clock; logger: Logger; bus?: ExecutionEventSink }): ExecutionRecorder {
  const listeners = new Set<(event: ExecutionEngineEvent) => void>()
  const append = (kind: string, entry: JournalEntry | null, payload: Record<string, unknown>): void => {
    try {
      deps.audit.append({ kind, actor: 'execution', ...(entry ? { subject: entry.intentId ?? entry.clientOrderId } : {}), payload: { ...(entry ? link(entry) : {}), ...payload } }, deps.clock.now())
    } catch (error) {
      deps.logger.error('audit append failed', { kind, ...(entry ? link(entry) : {}), error: String(error) })
    }
  }
  const emit = <K extends keyof ExecutionEngineEvents>(topic: K, payload: ExecutionEngineEvents[K]): void => {
    deps.bus?.publish(topic, payload)
    for (const listener of [...listeners]) {
      try {
        listener({ topic, payload } as ExecutionEngineEvent)
      } catch (error) {
        deps.logger.error('execution listener failed', { topic, error: String(error) })
      }
    }
  }

  return {
    intent: (entry) => append('execution.intent', entry, { intent: entry.intent }),
    sent: (entry) => append('execution.sent', entry, { attempt: entry.sendAttempts, symbol: entry.symbol, side: entry.side, type: entry.type, amount: entry.amount, price: entry.price }),
    answer: (entry, state) =>
      append('execution.answer', entry, { status: state.status, venueOrderId: state.venueOrderId, filled: state.filled, averagePrice: state.averagePrice, reason: state.reason }),
    failure(entry, phase, error) {
      const described = describeError(error)
      deps.logger.warn(`order ${phase} failed`, { ...link(entry), ...described })
      append('execution.error', entry, { phase, ...described })
    },
    changed(before, after) {
      if (before.status !== after.status) {
        append('execution.state', after, { from: before.status, to: after.status, reason: after.reason, filled: after.filled, venueOrderId: after.venueOrderId })
      }
      emit('execution.orderUpdated', after)
    },
    fill(recorded, entry) {
      const { fill } = recorded
      append('execution.fill', entry, {
        accountId: recorded.accountId,
        clientOrderId: recorded.clientOrderId,
        tradeId: fill.tradeId,
        venueOrderId: fill.venueOrderId,
        symbol: fill.symbol,
        side: fill.side,
        price: fill.price,
        amount: fill.amount,
        fee: fill.fee,
        feeCurrency: fill.feeCurrency,
        timestamp: fill.timestamp,
      })
      emit('execution.fillRecorded', recorded)
    },
    imported(entry) {
      deps.logger.warn('imported an order of ours the journal did not know', link(entry))
      append('execution.imported', entry, { status: entry.status, symbol: entry.symbol, side: entry.side, amount: entry.amount, price: entry.price })
      emit('execution.orderImported', entry)
    },
    note: append,
    onEvent(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
