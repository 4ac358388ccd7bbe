import type { OrderRequest } from '../../../shared/domain/order'
import type { JournalEntry } from '../../ports/order-journal'
import { resolveByQuery } from './absence-resolver'
import { current, type EngineContext } from './engine-context'
import { describeError } from './execution-recorder'
import type { OrderKeeper } from './order-keeper'
import { judgeSendFailure } from './send-failure'

export interface OrderSender {
  /** Sends a pending entry; resolves after the venue's first answer (ambiguity is resolved in the background). */
  send(clientOrderId: string): Promise<JournalEntry>
}

export function requestOf(entry: JournalEntry): OrderRequest {
  return {
    clientOrderId: entry.clientOrderId,
    symbol: entry.symbol,
    side: entry.side,
    type: entry.type,
    amount: entry.amount,
    price: entry.type === 'limit' ? entry.price : null,
    timeInForce: entry.timeInForce,
    postOnly: entry.postOnly,
    reduceOnly: entry.reduceOnly,
  }
}

const errorText = (error: unknown): string => String(describeError(error).message)

/**
 * The write-ahead send: `sent` is committed before the request leaves, so
 * after a crash a `pending` entry was certainly never sent and a `sent`
 * one may have been. A failed placement is judged (send-failure.ts) and an
 * uncertain one resolved by querying first (absence-resolver.ts).
 */
export function createOrderSender(ctx: EngineContext, keeper: OrderKeeper): OrderSender {
  // Leverage last set per account and symbol, so it is set once rather than before every order.
  const leverageSet = new Map<string, number>()

  const prepare = async (entry: JournalEntry): Promise<JournalEntry | null> => {
    const leverage = entry.intent?.leverage ?? null
    // Leverage applies to perpetuals only; ccxt's unified symbols mark them with the settle currency after ':'.
    if (leverage === null || !entry.symbol.includes(':')) return null
    const key = `${entry.accountId} ${entry.symbol}`
    if (leverageSet.get(key) === leverage) return null
    try {
      await ctx.clientFor(entry.accountId).setLeverage(entry.symbol, leverage)
      leverageSet.set(key, leverage)
      return null
    } catch (error) {
      ctx.recorder.failure(entry, 'set_leverage', error)
      return keeper.update(entry.clientOrderId, { status: 'rejected', reason: 'leverage_refused', lastError: errorText(error) })
    }
  }

  const sendOnce = async (clientOrderId: string): Promise<JournalEntry> => {
    let entry = current(ctx, clientOrderId)
    if (entry.status === 'pending') {
      const refused = await prepare(entry)
      if (refused) return refused
      entry = current(ctx, clientOrderId)
      if (ctx.cancelWanted.has(clientOrderId)) return keeper.update(clientOrderId, { status: 'cancelled', reason: 'cancelled_before_send' })
      if (entry.expiresAt !== null && ctx.clock.now() >= entry.expiresAt) return keeper.update(clientOrderId, { status: 'expired', reason: 'ttl_before_send' })
    }
    entry = keeper.update(clientOrderId, { status: 'sent', sendAttempts: entry.sendAttempts + 1 })
    ctx.recorder.sent(entry)
    ctx.probe('sent_committed', entry)
    const client = ctx.clientFor(entry.accountId)
    let answer
    try {
      answer = await client.submit(requestOf(entry))
    } catch (error) {
      ctx.probe('answer_received', entry)
      return afterFailure(clientOrderId, error)
    }
    ctx.probe('answer_received', entry)
    ctx.recorder.answer(entry, answer)
    const after = keeper.adopt(clientOrderId, answer)
    ctx.probe('answer_committed', after)
    return after
  }

  const afterFailure = (clientOrderId: string, error: unknown): JournalEntry => {
    const entry = current(ctx, clientOrderId)
    ctx.recorder.failure(entry, 'submit', error)
    // An event may already have told us where the order stands; then the failure only adds its message.
    if (entry.status !== 'sent') return keeper.update(clientOrderId, { lastError: errorText(error) })
    const verdict = judgeSendFailure(error)
    switch (verdict.kind) {
      case 'refused': {
        const after = keeper.update(clientOrderId, { status: 'rejected', reason: verdict.reason, lastError: errorText(error) })
        ctx.probe('answer_committed', after)
        return after
      }
      case 'exists':
      case 'uncertain': {
        const after = keeper.update(clientOrderId, { status: 'unknown', lastError: errorText(error) })
        ctx.probe('answer_committed', after)
        const exists = verdict.kind === 'exists'
        const resolution = resolveByQuery(ctx, keeper, clientOrderId, {
          askFirst: exists,
          ...(verdict.kind === 'uncertain' ? { waitMs: verdict.waitMs } : {}),
          // A first send may go once more; a resend, or a send the venue says it already has, never.
          resend: !exists && after.sendAttempts < 2 ? () => sendOnce(clientOrderId) : null,
          absent: { status: 'rejected', reason: exists ? 'duplicate_answer_but_absent' : 'absent_after_ambiguous_send' },
        })
        const release = ctx.inFlight.hold(clientOrderId)
        ctx.track(`resolve ${clientOrderId}`, resolution.finally(release))
        return after
      }
      default: {
        const never: never = verdict
        throw new Error(`unhandled send verdict ${JSON.stringify(never)}`)
      }
    }
  }

  return {
    async send(clientOrderId) {
      const release = ctx.inFlight.hold(clientOrderId)
      try {
        return await sendOnce(clientOrderId)
      } finally {
        release()
      }
    },
  }
}
