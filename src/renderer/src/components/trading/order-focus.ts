import type { ManagedOrder } from '../../../../shared/contract/domains/orders'
import { isWorking } from '../../stores/orders-state'

// Which row the blotter picks out for a Monitor link ('#/monitor?order=<id>'):
// the link names the venue's client order id, the blotter keys orders by
// intent id, and the order may be working or already finished.

export interface OrderFocus {
  /** The blotter's key of the order. */
  intentId: string
  /** The tab that lists it: working orders, or the history once it is done. */
  tab: 'open' | 'history'
  accountId: string
}

/** The order a link names, and where the blotter shows it; null while no loaded order has that client id. */
export function findOrderFocus(byId: Readonly<Record<string, ManagedOrder>>, clientOrderId: string | null): OrderFocus | null {
  if (clientOrderId === null) return null
  for (const order of Object.values(byId)) {
    if (order.clientOrderId === clientOrderId) return { intentId: order.intentId, tab: isWorking(order.state) ? 'open' : 'history', accountId: order.accountId }
  }
  return null
}

/** The account filter that keeps the focused order in view: unchanged when it already shows it, all accounts otherwise. */
export function accountFilterShowing(current: string | null, focus: OrderFocus): string | null {
  return current === null || current === focus.accountId ? current : null
}
