import type { CommandHandlers } from '../contract/dispatcher'
import type { OrderService } from './order-service'

/** orders.*: served by the order service. */
export function orderHandlers(orders: OrderService): Pick<CommandHandlers, 'orders.preview' | 'orders.submit' | 'orders.cancel' | 'orders.list'> {
  return {
    'orders.preview': (draft) => orders.preview(draft),
    'orders.submit': ({ draft, confirmed }) => orders.submit(draft, confirmed),
    'orders.cancel': ({ intentId }) => orders.cancel(intentId),
    'orders.list': (input) => orders.list(input),
  }
}
