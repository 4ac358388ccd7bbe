import type { ManagedOrder, ManagedOrderState } from '../../../shared/contract/domains/orders'
import type { Fill } from '../../../shared/domain/order'

// The blotter's data as pure functions of the events, so ordering, moves from
// open to history and de-duplication are unit-tested under Node. Id lists keep
// their identity when only an order's figures change: the tables re-render on
// membership changes, each row on its own order.

/** Newest first, how many of each list the blotter keeps. */
export const HISTORY_CAP = 500
export const FILLS_CAP = 200

export interface FillRecord {
  accountId: string
  intentId: string | null
  fill: Fill
}

export interface OrdersData {
  byId: Record<string, ManagedOrder>
  /** Working orders, newest first. */
  openIds: string[]
  /** Finished orders, newest first. */
  historyIds: string[]
  /** Fills seen in this session, newest first. */
  fills: FillRecord[]
}

export const EMPTY_ORDERS: OrdersData = { byId: {}, openIds: [], historyIds: [], fills: [] }

const WORKING: ReadonlySet<ManagedOrderState> = new Set(['pending', 'sent', 'unknown', 'open', 'partially_filled'])

/** Still able to trade: pending, sent (or its fate unknown), open or partly filled. */
export function isWorking(state: ManagedOrderState): boolean {
  return WORKING.has(state)
}

/** Applies a batch of order snapshots (from `orders.updated` or a list), newest state wins by updatedAt. */
export function applyOrders(data: OrdersData, orders: readonly ManagedOrder[]): OrdersData {
  if (orders.length === 0) return data
  let byId = data.byId
  let openIds = data.openIds
  let historyIds = data.historyIds
  for (const order of orders) {
    const before = byId[order.intentId]
    if (before && before.updatedAt > order.updatedAt) continue // a late snapshot must not roll a terminal order back
    if (byId === data.byId) byId = { ...data.byId }
    byId[order.intentId] = order
    const wasOpen = before ? isWorking(before.state) : null
    const nowOpen = isWorking(order.state)
    if (wasOpen === nowOpen) continue
    if (wasOpen === true) openIds = openIds.filter((id) => id !== order.intentId)
    if (wasOpen === false) historyIds = historyIds.filter((id) => id !== order.intentId)
    if (nowOpen) openIds = insertNewestFirst(openIds, order, byId)
    else historyIds = insertNewestFirst(historyIds, order, byId).slice(0, HISTORY_CAP)
  }
  if (byId === data.byId) return data
  return { ...data, byId, openIds, historyIds }
}

/** A fill, once per venue trade id. */
export function applyFill(data: OrdersData, record: FillRecord): OrdersData {
  const { venue, tradeId } = record.fill
  if (data.fills.some((f) => f.fill.tradeId === tradeId && f.fill.venue === venue)) return data
  return { ...data, fills: [record, ...data.fills].slice(0, FILLS_CAP) }
}

function insertNewestFirst(ids: readonly string[], order: ManagedOrder, byId: Record<string, ManagedOrder>): string[] {
  const at = ids.findIndex((id) => (byId[id]?.createdAt ?? 0) < order.createdAt)
  const next = [...ids]
  next.splice(at === -1 ? next.length : at, 0, order.intentId)
  return next
}

/** Ids of `ids` belonging to one account, or all of them. */
export function forAccount(ids: readonly string[], byId: Record<string, ManagedOrder>, accountId: string | null): readonly string[] {
  return accountId === null ? ids : ids.filter((id) => byId[id]?.accountId === accountId)
}
