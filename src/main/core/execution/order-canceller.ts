import { isTerminalJournalStatus, type JournalEntry } from '../../ports/order-journal'
import { current, type CancelReason, type EngineContext } from './engine-context'
import { describeError } from './execution-recorder'
import type { OrderKeeper } from './order-keeper'

export interface OrderCanceller {
  cancel(clientOrderId: string, reason: CancelReason): Promise<JournalEntry>
}

/**
 * Cancels by client id. The wish is remembered first (cancelWanted), so an
 * order not yet confirmed is cancelled the moment the venue confirms it, is
 * never resent, and is not sent at all if it is still pending. A cancel that
 * fails in any way is followed by a query: the order may have filled, been
 * cancelled already, or the cancel may have landed despite a timeout.
 */
export function createOrderCanceller(ctx: EngineContext, keeper: OrderKeeper): OrderCanceller {
  const running = new Map<string, Promise<JournalEntry>>()

  const cancelOnVenue = async (entry: JournalEntry, reason: CancelReason): Promise<JournalEntry> => {
    const { clientOrderId, symbol } = entry
    const client = ctx.clientFor(entry.accountId)
    const adopt = (state: Parameters<OrderKeeper['adopt']>[1]): JournalEntry => keeper.adopt(clientOrderId, state, reason === 'zombie' ? null : reason)
    ctx.recorder.note('execution.cancel_requested', entry, { reason })
    try {
      const state = await client.cancel({ clientOrderId, symbol })
      ctx.recorder.answer(entry, state)
      return adopt(state)
    } catch (error) {
      ctx.recorder.failure(entry, 'cancel', error)
      try {
        const state = await client.queryOrder({ clientOrderId, symbol })
        if (state) return adopt(state)
      } catch (queryError) {
        ctx.recorder.failure(entry, 'query', queryError)
      }
      return keeper.update(clientOrderId, { lastError: String(describeError(error).message) })
    }
  }

  return {
    cancel(clientOrderId, reason) {
      const entry = current(ctx, clientOrderId)
      if (isTerminalJournalStatus(entry.status) && reason !== 'zombie') return Promise.resolve(entry)
      if (reason !== 'zombie') ctx.cancelWanted.set(clientOrderId, reason)
      // Pending and not being sent: left over from a crash before sending, so certainly not on the venue.
      if (entry.status === 'pending' && !ctx.inFlight.has(clientOrderId)) {
        return Promise.resolve(keeper.update(clientOrderId, { status: 'cancelled', reason: 'cancelled_before_send' }))
      }
      // Pending and being sent: the sender sees the wish before the request leaves.
      if (entry.status === 'pending') return Promise.resolve(entry)
      const already = running.get(clientOrderId)
      if (already) return already
      const work = cancelOnVenue(entry, reason).finally(() => running.delete(clientOrderId))
      running.set(clientOrderId, work)
      return work
    },
  }
}
