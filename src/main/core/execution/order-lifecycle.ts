import type { OrderState } from '../../../shared/domain/order'
import { isTerminalJournalStatus, type JournalChange, type JournalEntry, type JournalStatus } from '../../ports/order-journal'

/**
 * The order state machine:
 *
 *   pending ─▶ sent ─▶ open ─▶ partially_filled ─▶ filled
 *      │        │ ▲      │            │
 *      │        ▼ │      └────────────┴──▶ cancelled / expired / rejected
 *      │     unknown (resend once: back to sent)
 *      └──▶ rejected / cancelled / expired (never sent)
 *
 * What the venue says wins over our own non-terminal statuses, so any of
 * pending, sent and unknown may jump straight to a venue status. Terminal
 * statuses never change.
 */
const NEXT: Record<JournalStatus, readonly JournalStatus[]> = {
  pending: ['sent', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  sent: ['sent', 'unknown', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  unknown: ['sent', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  open: ['partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  partially_filled: ['partially_filled', 'filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
}

export function canTransition(from: JournalStatus, to: JournalStatus): boolean {
  return NEXT[from].includes(to)
}

/** How far along an order is: a venue answer that is behind what we know (a late ack after a fill) is stale. */
function progress(status: JournalStatus): number {
  switch (status) {
    case 'pending':
      return 0
    case 'sent':
    case 'unknown':
      return 1
    case 'open':
      return 2
    case 'partially_filled':
      return 3
    case 'filled':
    case 'cancelled':
    case 'rejected':
    case 'expired':
      return 4
    default: {
      const never: never = status
      throw new Error(`unhandled journal status ${String(never)}`)
    }
  }
}

/** True when the venue's view describes the order we asked for (guards against a client id reused by someone else). */
export function matchesRequest(entry: JournalEntry, state: OrderState): boolean {
  if (state.clientOrderId !== entry.clientOrderId || state.symbol !== entry.symbol || state.side !== entry.side) return false
  // Amounts and prices may be amended and are rounded by some venues: compare loosely, to 1e-9 relative.
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1)
  return entry.imported || near(state.amount, entry.amount)
}

/**
 * The change that brings the entry up to the venue's view, or null when the
 * view adds nothing (stale or the same). `reasonHint` names our reason for
 * an end the venue gives none for (e.g. 'ttl' for a cancel we asked for).
 */
export function adoptVenueState(entry: JournalEntry, state: OrderState, reasonHint: string | null = null): JournalChange | null {
  const venueOrderId = entry.venueOrderId === null && state.venueOrderId !== null ? { venueOrderId: state.venueOrderId } : {}
  if (isTerminalJournalStatus(entry.status)) {
    // Final: only a fill learned late may raise the filled amount (the status stays).
    const raised = state.filled > entry.filled ? { filled: state.filled, averagePrice: state.averagePrice } : {}
    const change = { ...venueOrderId, ...raised }
    return Object.keys(change).length > 0 ? change : null
  }
  const ahead = progress(state.status) > progress(entry.status)
  const sameButMore = state.status === entry.status && (state.filled > entry.filled || 'venueOrderId' in venueOrderId)
  if (!(ahead || sameButMore) || !canTransition(entry.status, state.status)) {
    return Object.keys(venueOrderId).length > 0 ? venueOrderId : null
  }
  const ends = isTerminalJournalStatus(state.status)
  return {
    ...venueOrderId,
    status: state.status,
    filled: Math.max(entry.filled, state.filled),
    averagePrice: state.averagePrice ?? entry.averagePrice,
    ...(ends ? { reason: state.reason ?? reasonHint } : {}),
  }
}

/** The order is on the venue and can be cancelled there. */
export function isWorking(status: JournalStatus): boolean {
  return status === 'open' || status === 'partially_filled'
}

/** We sent it but do not know yet whether the venue has it. */
export function isUnconfirmed(status: JournalStatus): boolean {
  return status === 'pending' || status === 'sent' || status === 'unknown'
}
