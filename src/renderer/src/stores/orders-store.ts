import { create } from 'zustand'
import type { ManagedOrder } from '../../../shared/contract/domains/orders'
import type { ContractError } from '../../../shared/contract/envelope'
import { getClient } from '../api/client'
import { without } from './record-utils'
import { applyFill, applyOrders, EMPTY_ORDERS, type FillRecord, type OrdersData } from './orders-state'

export interface OrdersState extends OrdersData {
  loaded: boolean
  error: ContractError | null
  /** Why the last cancel of an order failed, by intent id, until it is retried. */
  cancelErrors: Record<string, ContractError>
  cancelling: Record<string, true>
}

export const useOrdersStore = create<OrdersState>()(() => ({ ...EMPTY_ORDERS, loaded: false, error: null, cancelErrors: {}, cancelling: {} }))

const set = useOrdersStore.setState

// Order events can arrive in bursts (a kill switch cancels dozens at once):
// they are applied once per animation frame, as one store change.
let queued: ManagedOrder[] = []
let frame: number | null = null

function flush(): void {
  frame = null
  const batch = queued
  queued = []
  set((s) => applyOrders(s, batch))
}

export function orderUpdated(order: ManagedOrder): void {
  queued.push(order)
  if (frame === null) frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(flush) : (setTimeout(flush, 16) as unknown as number)
}

export function orderFilled(record: FillRecord): void {
  set((s) => applyFill(s, record))
}

let loading: Promise<void> | null = null

/** Open orders and the recent history; asked again after a reconnect. Concurrent asks share one call. */
export function loadOrders(): Promise<void> {
  loading ??= fetchOrders().finally(() => (loading = null))
  return loading
}

async function fetchOrders(): Promise<void> {
  const client = getClient()
  const [open, history] = await Promise.all([
    client.callEnvelope('orders.list', { scope: 'open', limit: 500 }),
    client.callEnvelope('orders.list', { scope: 'history', limit: 500 }),
  ])
  const error = !open.ok ? open.error : !history.ok ? history.error : null
  const orders = [...(open.ok ? open.value : []), ...(history.ok ? history.value : [])]
  set((s) => ({ ...applyOrders(s, orders), loaded: true, error }))
}

export async function cancelOrder(intentId: string): Promise<void> {
  set((s) => ({ cancelling: { ...s.cancelling, [intentId]: true }, cancelErrors: without(s.cancelErrors, intentId) }))
  const envelope = await getClient().callEnvelope('orders.cancel', { intentId })
  set((s) => ({
    ...(envelope.ok ? applyOrders(s, [envelope.value]) : {}),
    cancelling: without(s.cancelling, intentId),
    cancelErrors: envelope.ok ? s.cancelErrors : { ...s.cancelErrors, [intentId]: envelope.error },
  }))
}

