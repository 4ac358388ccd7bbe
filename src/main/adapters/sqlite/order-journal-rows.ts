import type { OrderIntent } from '../../../shared/domain/intent'
import type { Fill } from '../../../shared/domain/order'
import type { JournalEntry, JournalStatus, RecordedFill } from '../../ports/order-journal'

/** The `orders` table row, as SQLite hands it back. */
export interface OrderRow {
  client_order_id: string
  intent_id: string | null
  account_id: string
  venue: string
  symbol: string
  side: string
  type: string
  time_in_force: string
  amount: number
  price: number | null
  post_only: number
  reduce_only: number
  intent: string | null
  status: string
  venue_order_id: string | null
  filled: number
  average_price: number | null
  reason: string | null
  last_error: string | null
  send_attempts: number
  imported: number
  created_at: number
  updated_at: number
  expires_at: number | null
}

export interface FillRow {
  account_id: string
  venue: string
  symbol: string
  trade_id: string
  client_order_id: string | null
  venue_order_id: string | null
  side: string
  price: number
  amount: number
  fee: number
  fee_currency: string
  liquidity: string
  timestamp: number
}

// The CHECK constraints of migration 2 guarantee the enum columns, so the casts below only narrow.
export function entryOf(row: OrderRow): JournalEntry {
  return {
    clientOrderId: row.client_order_id,
    intentId: row.intent_id,
    accountId: row.account_id,
    venue: row.venue,
    symbol: row.symbol,
    side: row.side as JournalEntry['side'],
    type: row.type as JournalEntry['type'],
    timeInForce: row.time_in_force as JournalEntry['timeInForce'],
    amount: row.amount,
    price: row.price,
    postOnly: row.post_only === 1,
    reduceOnly: row.reduce_only === 1,
    intent: row.intent === null ? null : (JSON.parse(row.intent) as OrderIntent),
    status: row.status as JournalStatus,
    venueOrderId: row.venue_order_id,
    filled: row.filled,
    averagePrice: row.average_price,
    reason: row.reason,
    lastError: row.last_error,
    sendAttempts: row.send_attempts,
    imported: row.imported === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  }
}

export function rowOf(entry: JournalEntry): OrderRow {
  return {
    client_order_id: entry.clientOrderId,
    intent_id: entry.intentId,
    account_id: entry.accountId,
    venue: entry.venue,
    symbol: entry.symbol,
    side: entry.side,
    type: entry.type,
    time_in_force: entry.timeInForce,
    amount: entry.amount,
    price: entry.price,
    post_only: entry.postOnly ? 1 : 0,
    reduce_only: entry.reduceOnly ? 1 : 0,
    intent: entry.intent === null ? null : JSON.stringify(entry.intent),
    status: entry.status,
    venue_order_id: entry.venueOrderId,
    filled: entry.filled,
    average_price: entry.averagePrice,
    reason: entry.reason,
    last_error: entry.lastError,
    send_attempts: entry.sendAttempts,
    imported: entry.imported ? 1 : 0,
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
    expires_at: entry.expiresAt,
  }
}

export function fillOf(row: FillRow): Fill {
  return {
    venue: row.venue,
    tradeId: row.trade_id,
    clientOrderId: row.client_order_id,
    venueOrderId: row.venue_order_id,
    symbol: row.symbol,
    side: row.side as Fill['side'],
    price: row.price,
    amount: row.amount,
    fee: row.fee,
    feeCurrency: row.fee_currency,
    liquidity: row.liquidity as Fill['liquidity'],
    timestamp: row.timestamp,
  }
}

export function recordedFillOf(row: FillRow): RecordedFill {
  return { accountId: row.account_id, clientOrderId: row.client_order_id, fill: fillOf(row) }
}
