import type { AccountId } from '../../shared/domain/account'
import type { IntentId, OrderIntent } from '../../shared/domain/intent'
import type { MarketSymbol, VenueId } from '../../shared/domain/market'
import type { ClientOrderId, Fill, OrderSide, OrderState, OrderStatus, OrderType, TimeInForce } from '../../shared/domain/order'

/**
 * Where an order we send stands in our own books. The venue's statuses plus
 * three of ours: `pending` (committed, not yet handed to the venue), `sent`
 * (handed over, no answer yet) and `unknown` (the send failed in a way that
 * may have placed it: the venue must be asked before anything is resent).
 */
export type JournalStatus = 'pending' | 'sent' | 'unknown' | OrderStatus

export const JOURNAL_TERMINAL_STATUSES: readonly JournalStatus[] = ['filled', 'cancelled', 'rejected', 'expired']

export function isTerminalJournalStatus(status: JournalStatus): boolean {
  return JOURNAL_TERMINAL_STATUSES.includes(status)
}

/** One order as the journal holds it. */
export interface JournalEntry {
  clientOrderId: ClientOrderId
  /** Null only for an order found on the venue that we had no record of (imported). */
  intentId: IntentId | null
  accountId: AccountId
  venue: VenueId
  symbol: MarketSymbol
  side: OrderSide
  type: OrderType
  timeInForce: TimeInForce
  amount: number
  price: number | null
  postOnly: boolean
  reduceOnly: boolean
  /** The intent exactly as submitted; null for imported orders. */
  intent: OrderIntent | null
  status: JournalStatus
  venueOrderId: string | null
  filled: number
  averagePrice: number | null
  /** Why it ended (venue reason or ours, e.g. 'ttl', 'not_sent'). */
  reason: string | null
  /** The last failure talking to the venue about this order, for the trader to read. */
  lastError: string | null
  /** Requests that placed (or may have placed) it: 2 means it was resent once. */
  sendAttempts: number
  /** Found on the venue with our prefix but unknown to us: the UI shows it for the trader to review. */
  imported: boolean
  createdAt: number
  updatedAt: number
  /** When the TTL runs out; null for imported orders, which have no intent. */
  expiresAt: number | null
}

/** A change to a journal entry; fields left out stay as they are. */
export interface JournalChange {
  status?: JournalStatus
  venueOrderId?: string | null
  filled?: number
  averagePrice?: number | null
  reason?: string | null
  lastError?: string | null
  sendAttempts?: number
}

/** A fill as recorded, with the order it belongs to when known. */
export interface RecordedFill {
  accountId: AccountId
  /** Our client order id, resolved through the venue order id when the fill did not carry it. */
  clientOrderId: ClientOrderId | null
  fill: Fill
}

export type OrderJournalErrorKind = 'duplicate_client_order_id' | 'duplicate_intent' | 'not_found' | 'terminal'

/** Why the journal refused a write; the engine reacts to `kind`. */
export class OrderJournalError extends Error {
  constructor(
    readonly kind: OrderJournalErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'OrderJournalError'
  }
}

/**
 * The durable record of every order we send (write-ahead): an entry is
 * committed before anything goes to the venue, so after a crash we know
 * what may be out there and can ask. Writes return only once they are on
 * disk. Synchronous, like the SQLite driver underneath.
 *
 * Terminal statuses never change: `transition` on a terminal entry may only
 * raise `filled` (a fill that happened before the end but was learned
 * later) and record `lastError`; anything else throws kind 'terminal'.
 */
export interface OrderJournal {
  /** Commits a new pending entry. Throws 'duplicate_client_order_id' or 'duplicate_intent'. */
  begin(intent: OrderIntent, clientOrderId: ClientOrderId, accountId: AccountId, at: number): JournalEntry
  /** Applies a change; throws 'not_found' or 'terminal' (see above). */
  transition(clientOrderId: ClientOrderId, change: JournalChange, at: number): JournalEntry
  /** Records a fill once: false when this account already has this venue trade id on this symbol. */
  recordFill(accountId: AccountId, fill: Fill, at: number): boolean
  byClientOrderId(clientOrderId: ClientOrderId): JournalEntry | null
  byIntentId(intentId: IntentId): JournalEntry | null
  byVenueOrderId(accountId: AccountId, venueOrderId: string): JournalEntry | null
  /** Entries of the account that are not terminal yet, oldest first. */
  nonTerminal(accountId: AccountId): JournalEntry[]
  /** Every entry of the account, oldest first. */
  entries(accountId: AccountId): JournalEntry[]
  fillsOf(clientOrderId: ClientOrderId): Fill[]
  fills(accountId: AccountId): RecordedFill[]
  /** Venue time of the newest recorded fill, for reconciliation's "fills since"; null before the first. */
  lastFillAt(accountId: AccountId): number | null
  /** When the account's first entry was made; null for an account without orders. */
  firstEntryAt(accountId: AccountId): number | null
  /** Records an order found on the venue carrying our prefix but unknown here, flagged as imported. */
  importUnknown(accountId: AccountId, state: OrderState, at: number): JournalEntry
  /** Imported orders of the account, for the UI to flag. */
  imported(accountId: AccountId): JournalEntry[]
}
