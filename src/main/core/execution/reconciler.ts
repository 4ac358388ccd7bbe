import type { AccountId } from '../../../shared/domain/account'
import { isTerminalStatus } from '../../../shared/domain/order'
import { isTerminalJournalStatus, type JournalEntry } from '../../ports/order-journal'
import { resolveByQuery } from './absence-resolver'
import type { DeadManSwitches } from './dead-man-switch'
import type { EngineContext } from './engine-context'
import type { ReconcileReport } from './engine-types'
import { describeError } from './execution-recorder'
import type { OrderCanceller } from './order-canceller'
import type { OrderKeeper } from './order-keeper'
import { isUnconfirmed } from './order-lifecycle'
import type { TtlGuard } from './ttl-guard'

export interface ReconcilerParts {
  keeper: OrderKeeper
  canceller: OrderCanceller
  ttl: TtlGuard
  deadMan: DeadManSwitches
}

/**
 * Brings journal and venue into agreement, at start and after every
 * reconnect. Never resends: an order we may have sent before a restart is
 * looked up (query-first, over the grace period); if the venue does not
 * have it, it ends as rejected and whoever proposed it may propose again
 * on a market that has moved on. Each step's failure is reported and the
 * others still run; entries left unresolved are retried next time.
 */
export async function reconcileAccount(ctx: EngineContext, parts: ReconcilerParts, accountId: AccountId): Promise<ReconcileReport> {
  const report: ReconcileReport = { accountId, checked: 0, updated: 0, imported: [], zombies: [], foreignOpen: 0, fillsRecorded: 0, positions: [], unresolved: [], errors: [] }
  const client = ctx.clientFor(accountId)
  const failed = (step: string, error: unknown): void => {
    const message = `${step}: ${String(describeError(error).message)}`
    report.errors.push(message)
    ctx.logger.warn('reconciliation step failed', { accountId, step, ...describeError(error) })
  }

  // 1. Every entry we are not sure about, asked by client id (in parallel: each may wait out the grace period).
  const entries = ctx.journal.nonTerminal(accountId).filter((e) => !ctx.inFlight.has(e.clientOrderId))
  await Promise.all(
    entries.map(async (entry) => {
      report.checked++
      const release = ctx.inFlight.hold(entry.clientOrderId)
      try {
        const after = await resolveByQuery(ctx, parts.keeper, entry.clientOrderId, {
          askFirst: true,
          // Pending means the crash came before `sent`: one look is enough.
          ...(entry.status === 'pending' ? { checks: 1 } : {}),
          resend: null,
          absent: absentOutcome(entry),
        })
        if (after.updatedAt !== entry.updatedAt || after.status !== entry.status) report.updated++
        parts.ttl.arm(after)
      } catch (error) {
        failed(`query ${entry.clientOrderId}`, error)
      } finally {
        release()
      }
    }),
  )

  // 2. Open orders: ours we know are adopted, prefixed ones we do not know are imported, foreign ones left alone.
  try {
    for (const state of await client.openOrders()) {
      const known = ctx.journal.byClientOrderId(state.clientOrderId)
      if (!known && !ctx.ids.isOurs(state.clientOrderId)) {
        report.foreignOpen++
        continue
      }
      if (known && isTerminalJournalStatus(known.status) && !isTerminalStatus(state.status)) {
        report.zombies.push(known)
        ctx.recorder.note('execution.zombie', known, { venueStatus: state.status })
        await parts.canceller.cancel(known.clientOrderId, 'zombie')
        continue
      }
      const seen = parts.keeper.observe(accountId, state)
      if (!known && seen) report.imported.push(seen)
    }
  } catch (error) {
    failed('open orders', error)
  }

  // 3. Fills since the last one we recorded (or since the first order), each recorded once.
  const since = ctx.journal.lastFillAt(accountId) ?? ctx.journal.firstEntryAt(accountId)
  if (since !== null) {
    try {
      for (const fill of await client.fillsSince(since - ctx.tuning.fillsOverlapMs)) {
        if (parts.keeper.intakeFill(accountId, fill)) report.fillsRecorded++
      }
    } catch (error) {
      failed('fills', error)
    }
  }

  // 4. Positions, for the portfolio to compare with what the fills say.
  try {
    report.positions = await client.positions()
  } catch (error) {
    failed('positions', error)
  }

  try {
    await parts.deadMan.arm(accountId, client)
  } catch (error) {
    failed('dead-man switch', error)
  }

  report.unresolved = ctx.journal.nonTerminal(accountId).filter((e) => isUnconfirmed(e.status) && !ctx.inFlight.has(e.clientOrderId))
  ctx.recorder.note('execution.reconciled', null, {
    accountId,
    checked: report.checked,
    updated: report.updated,
    imported: report.imported.map((e) => e.clientOrderId),
    zombies: report.zombies.map((e) => e.clientOrderId),
    foreignOpen: report.foreignOpen,
    fillsRecorded: report.fillsRecorded,
    unresolved: report.unresolved.map((e) => e.clientOrderId),
    errors: report.errors,
  })
  return report
}

/** What an entry becomes when the venue does not have it. */
function absentOutcome(entry: JournalEntry): { status: 'rejected' | 'expired'; reason: string } {
  switch (entry.status) {
    case 'pending':
      // Committed but the crash came before `sent`: certainly never sent.
      return { status: 'rejected', reason: 'not_sent' }
    case 'sent':
    case 'unknown':
      return { status: 'rejected', reason: 'absent_after_restart' }
    case 'open':
    case 'partially_filled':
      // Confirmed once, gone now: the venue no longer reports it (archived or purged).
      return { status: 'expired', reason: 'vanished_from_venue' }
    case 'filled':
    case 'cancelled':
    case 'rejected':
    case 'expired':
      return { status: 'expired', reason: 'vanished_from_venue' }
    default: {
      const never: never = entry.status
      throw new Error(`unhandled journal status ${String(never)}`)
    }
  }
}
