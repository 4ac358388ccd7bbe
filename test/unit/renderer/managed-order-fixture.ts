import type { ManagedOrder } from '../../../src/shared/contract/domains/orders'

/** A working manual limit order on a paper account, client id `c<id>`; patch what a test is about. */
export function managedOrder(id: string, patch: Partial<ManagedOrder> = {}): ManagedOrder {
  return {
    intentId: id,
    accountId: 'paper-main',
    venue: 'sim',
    symbol: 'BTC/USDT:USDT',
    side: 'buy',
    type: 'limit',
    timeInForce: 'GTC',
    postOnly: false,
    reduceOnly: false,
    amount: 1,
    price: 65_000,
    clientOrderId: `c${id}`,
    venueOrderId: null,
    state: 'open',
    filled: 0,
    averagePrice: null,
    fees: 0,
    feeCurrency: null,
    slippagePct: null,
    origin: { kind: 'manual' },
    imported: false,
    reason: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...patch,
  }
}
