import type { ManagedOrder } from '../../../shared/contract/domains/orders'
import type { Fill } from '../../../shared/domain/order'
import type { RiskVerdict } from '../../../shared/domain/risk'
import type { JournalEntry } from '../../ports/order-journal'

/**
 * The blotter's id of an order. Imported orders have no intent, so they go by
 * their client order id, marked so that it can never collide with a real
 * intent id (those are kernel-made and never start with `imported-`).
 */
export function managedIdOf(entry: JournalEntry): string {
  return entry.intentId ?? `imported-${entry.clientOrderId}`
}

export const IMPORTED_PREFIX = 'imported-'

/**
 * The execution journal's view of an order as the contract shows it. Fees
 * are the recorded fills' (in their currency, when they share one), and the
 * slippage compares the average fill with the reference price the risk
 * engine estimated at submission: positive means a worse price.
 */
export function toManagedOrder(entry: JournalEntry, fills: readonly Fill[], verdict: RiskVerdict | null): ManagedOrder {
  const currencies = [...new Set(fills.map((f) => f.feeCurrency))]
  return {
    intentId: managedIdOf(entry),
    accountId: entry.accountId,
    venue: entry.venue,
    symbol: entry.symbol,
    side: entry.side,
    type: entry.type,
    timeInForce: entry.timeInForce,
    postOnly: entry.postOnly,
    reduceOnly: entry.reduceOnly,
    amount: entry.amount,
    price: entry.price,
    clientOrderId: entry.clientOrderId,
    venueOrderId: entry.venueOrderId,
    state: entry.status,
    filled: entry.filled,
    averagePrice: entry.averagePrice,
    // Fees in different currencies cannot be added up; the first currency's are shown, named.
    fees: roundFee(fills.filter((f) => f.feeCurrency === currencies[0]).reduce((sum, f) => sum + f.fee, 0)),
    feeCurrency: currencies[0] ?? null,
    slippagePct: slippagePct(entry.side, entry.averagePrice, verdict?.estimate.referencePrice ?? null),
    origin: entry.intent?.origin ?? { kind: 'manual' },
    imported: entry.imported,
    reason: entry.reason ?? entry.lastError,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  }
}

/** Average fill against the reference, in percent; positive when the fill was worse for our side. */
export function slippagePct(side: 'buy' | 'sell', averagePrice: number | null, referencePrice: number | null): number | null {
  if (averagePrice === null || referencePrice === null || !(referencePrice > 0)) return null
  const raw = ((averagePrice - referencePrice) / referencePrice) * 100
  const worse = side === 'buy' ? raw : -raw
  return Number.isFinite(worse) ? Math.round(worse * 1e6) / 1e6 : null
}

function roundFee(value: number): number {
  return Math.round(value * 1e10) / 1e10
}
