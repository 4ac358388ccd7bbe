import type { JournalEntry, JournalStatus } from '../../ports/order-journal'
import { current, type EngineContext } from './engine-context'
import { describeError } from './execution-recorder'
import type { OrderKeeper } from './order-keeper'

export interface ResolveOptions {
  /** Ask at once (after a restart, or when the venue said the id is taken) instead of giving the venue a moment first. */
  askFirst: boolean
  /** Queries that must find nothing before the order counts as absent (default: tuning.absentChecks). */
  checks?: number
  /** Extra wait before the first question (a rate limit's retry-after). */
  waitMs?: number
  /** Send once more with the same client id if the order is absent. Only for a live ambiguous first send. */
  resend: ((entry: JournalEntry) => Promise<JournalEntry>) | null
  /** What an absent order becomes, and why. */
  absent: { status: 'rejected' | 'expired'; reason: string }
}

/**
 * The query-first rule: an order we may have placed is looked up by client
 * id, `absentChecks` times spread over `absentGraceMs`, before we conclude
 * the venue does not have it. Found: the venue's view is adopted. Absent:
 * resent once (same client id, so the venue refuses a double) when allowed
 * and the TTL has not run out, otherwise ended with the given status. The
 * loop stops as soon as anything else (an event, a cancel) moved the
 * order on, and gives up after `maxQueryErrors` failed queries, leaving the
 * order `unknown` for the next reconciliation rather than guessing.
 */
export async function resolveByQuery(ctx: EngineContext, keeper: OrderKeeper, clientOrderId: string, options: ResolveOptions): Promise<JournalEntry> {
  const start = current(ctx, clientOrderId)
  const question: JournalStatus = start.status
  const client = ctx.clientFor(start.accountId)
  const checks = options.checks ?? ctx.tuning.absentChecks
  const interval = ctx.tuning.absentGraceMs / ctx.tuning.absentChecks
  let absentCount = 0
  let errors = 0
  if (options.waitMs) await ctx.sleep(options.waitMs)
  for (let asked = 0; absentCount < checks; asked++) {
    if (asked > 0 || !options.askFirst) await ctx.sleep(interval)
    const entry = current(ctx, clientOrderId)
    if (entry.status !== question) return entry
    let state
    try {
      state = await client.queryOrder({ clientOrderId, symbol: entry.symbol })
    } catch (error) {
      ctx.recorder.failure(entry, 'query', error)
      keeper.update(clientOrderId, { lastError: String(describeError(error).message) })
      if (++errors >= ctx.tuning.maxQueryErrors) return current(ctx, clientOrderId)
      continue
    }
    if (state) {
      ctx.recorder.answer(entry, state)
      return keeper.adopt(clientOrderId, state)
    }
    absentCount++
  }
  const entry = current(ctx, clientOrderId)
  if (entry.status !== question) return entry
  ctx.recorder.note('execution.absent', entry, { checks, graceMs: ctx.tuning.absentGraceMs })
  const withinTtl = entry.expiresAt !== null && ctx.clock.now() < entry.expiresAt
  const cancelWanted = ctx.cancelWanted.get(clientOrderId)
  if (options.resend && entry.sendAttempts < 2 && withinTtl && !cancelWanted) return options.resend(entry)
  // Never confirmed and no longer wanted: the cancel asked for is what happened, for the reason it was asked.
  if (cancelWanted && question !== 'open' && question !== 'partially_filled') return keeper.update(clientOrderId, { status: 'cancelled', reason: cancelWanted })
  return keeper.update(clientOrderId, { status: options.absent.status, reason: options.absent.reason })
}
