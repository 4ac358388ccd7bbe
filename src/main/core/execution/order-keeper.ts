import type { AccountId } from '../../../shared/domain/account'
import { isTerminalStatus, type Fill, type OrderState } from '../../../shared/domain/order'
import { isTerminalJournalStatus, type JournalChange, type JournalEntry } from '../../ports/order-journal'
import { current, type EngineContext } from './engine-context'
import { adoptVenueState, canTransition, isUnconfirmed, isWorking, matchesRequest } from './order-lifecycle'

/** How the rest of the engine reacts to what the keeper learns. */
export interface KeeperReactions {
  /** A confirmed, working order we want gone (cancel asked before the venue confirmed it). */
  wantedGone(entry: JournalEntry): void
  /** Final in the journal but alive on the venue (it surfaced after we gave up on it). */
  zombie(entry: JournalEntry, state: OrderState): void
  /** The entry reached a terminal status. */
  ended(entry: JournalEntry): void
}

export interface OrderKeeper {
  /** Writes a change of our own (sent, unknown, rejected ...), checked against the state machine. */
  update(clientOrderId: string, change: JournalChange): JournalEntry
  /** Brings the entry up to the venue's view of it. */
  adopt(clientOrderId: string, state: OrderState, reasonHint?: string | null): JournalEntry
  /** A venue order seen in an event or a listing: adopted if ours, imported if it carries our prefix, else ignored. */
  observe(accountId: AccountId, state: OrderState): JournalEntry | null
  /** Records a fill once; false when its trade id was already recorded. */
  intakeFill(accountId: AccountId, fill: Fill): boolean
}

/** The one place that writes what we learn about orders into the journal, so every write is checked and recorded alike. */
export function createOrderKeeper(ctx: EngineContext, reactions: KeeperReactions): OrderKeeper {
  const update = (clientOrderId: string, change: JournalChange): JournalEntry => {
    const before = current(ctx, clientOrderId)
    if (change.status !== undefined && change.status !== before.status && !canTransition(before.status, change.status)) {
      throw new Error(`execution: order ${clientOrderId} cannot go from ${before.status} to ${change.status}`)
    }
    const after = ctx.journal.transition(clientOrderId, change, ctx.clock.now())
    ctx.recorder.changed(before, after)
    if (!isTerminalJournalStatus(before.status) && isTerminalJournalStatus(after.status)) reactions.ended(after)
    return after
  }

  const adopt = (clientOrderId: string, state: OrderState, reasonHint: string | null = null): JournalEntry => {
    const before = current(ctx, clientOrderId)
    if (isUnconfirmed(before.status) && !matchesRequest(before, state)) {
      // Someone else's order holds our client id: ours was never placed under it.
      ctx.recorder.note('execution.id_collision', before, { venue: { symbol: state.symbol, side: state.side, amount: state.amount, status: state.status } })
      return update(clientOrderId, { status: 'rejected', reason: 'client_order_id_collision', lastError: 'the venue holds a different order under this client id' })
    }
    if (isTerminalJournalStatus(before.status) && !isTerminalStatus(state.status)) reactions.zombie(before, state)
    // A cancel we asked for is the reason, whether its answer or the venue's event comes first.
    const change = adoptVenueState(before, state, reasonHint ?? ctx.cancelWanted.get(clientOrderId) ?? null)
    if (!change) return before
    const after = update(clientOrderId, change)
    if (isWorking(after.status) && ctx.cancelWanted.has(clientOrderId)) reactions.wantedGone(after)
    return after
  }

  const observe = (accountId: AccountId, state: OrderState): JournalEntry | null => {
    const known = ctx.journal.byClientOrderId(state.clientOrderId)
    if (known) return adopt(state.clientOrderId, state)
    if (!ctx.ids.isOurs(state.clientOrderId)) return null
    const imported = ctx.journal.importUnknown(accountId, state, ctx.clock.now())
    ctx.recorder.imported(imported)
    return imported
  }

  const intakeFill = (accountId: AccountId, fill: Fill): boolean => {
    if (!ctx.journal.recordFill(accountId, fill, ctx.clock.now())) return false
    const entry =
      (fill.clientOrderId !== null ? ctx.journal.byClientOrderId(fill.clientOrderId) : null) ??
      (fill.venueOrderId !== null ? ctx.journal.byVenueOrderId(accountId, fill.venueOrderId) : null)
    ctx.recorder.fill({ accountId, clientOrderId: entry?.clientOrderId ?? fill.clientOrderId, fill }, entry)
    if (!entry) return true
    ctx.probe('fill_committed', entry)
    if (isTerminalJournalStatus(entry.status)) raiseLateFills(entry)
    return true
  }

  // A fill that happened before the order ended but reached us after: the status stays, the amount is corrected.
  const raiseLateFills = (entry: JournalEntry): void => {
    const fills = ctx.journal.fillsOf(entry.clientOrderId)
    const total = fills.reduce((sum, f) => sum + f.amount, 0)
    if (total <= entry.filled * (1 + 1e-9)) return
    const average = fills.reduce((sum, f) => sum + f.amount * f.price, 0) / total
    update(entry.clientOrderId, { filled: total, averagePrice: average })
  }

  return { update, adopt, observe, intakeFill }
}
