import { describe, expect, it } from 'vitest'
import { managedIdOf, slippagePct, toManagedOrder } from '../../../src/main/core/orders/managed-order'
import type { JournalEntry } from '../../../src/main/ports/order-journal'
import { ManagedOrderSchema } from '../../../src/shared/contract/domains/orders'
import type { Fill } from '../../../src/shared/domain/order'
import type { RiskVerdict } from '../../../src/shared/domain/risk'
import { makeIntent } from '../risk/fixtures'

const intent = makeIntent({ id: 'intent-0001', type: 'market', price: null, origin: { kind: 'pilot', pilotId: 'p1', decisionId: 'd1' } })

const entry: JournalEntry = {
  clientOrderId: 'aiw0001',
  intentId: 'intent-0001',
  accountId: 'acc',
  venue: 'okx',
  symbol: intent.symbol,
  side: 'buy',
  type: 'market',
  timeInForce: 'IOC',
  amount: 2,
  price: null,
  postOnly: false,
  reduceOnly: false,
  intent,
  status: 'filled',
  venueOrderId: 'v9',
  filled: 2,
  averagePrice: 50_050,
  reason: null,
  lastError: null,
  sendAttempts: 1,
  imported: false,
  createdAt: 10,
  updatedAt: 20,
  expiresAt: 60_010,
}

const fill = (tradeId: string, fee: number, feeCurrency = 'USDT'): Fill => ({
  venue: 'okx',
  tradeId,
  clientOrderId: 'aiw0001',
  venueOrderId: 'v9',
  symbol: intent.symbol,
  side: 'buy',
  price: 50_050,
  amount: 1,
  fee,
  feeCurrency,
  liquidity: 'taker',
  timestamp: 15,
})

const verdict = { estimate: { notional: 1000, referencePrice: 50_000, averagePrice: 50_040, slippagePct: 0.08, fillProbability: 1 } } as RiskVerdict

describe('journal entries as managed orders', () => {
  it('carries the order, sums the fees of its fills and measures slippage against the reference price', () => {
    const order = toManagedOrder(entry, [fill('t1', 0.25), fill('t2', 0.5)], verdict)
    expect(ManagedOrderSchema.parse(order)).toEqual(order)
    expect(order).toMatchObject({ intentId: 'intent-0001', state: 'filled', filled: 2, fees: 0.75, feeCurrency: 'USDT', slippagePct: 0.1, origin: { kind: 'pilot', pilotId: 'p1' }, imported: false })
  })

  it('shows fees of one currency, named, when fills paid in several', () => {
    const order = toManagedOrder(entry, [fill('t1', 0.25), fill('t2', 0.001, 'BNB')], verdict)
    expect(order).toMatchObject({ fees: 0.25, feeCurrency: 'USDT' })
    expect(toManagedOrder(entry, [], null)).toMatchObject({ fees: 0, feeCurrency: null, slippagePct: null })
  })

  it('gives an imported order an id of its own and no intent origin, and shows a send failure as the reason', () => {
    const imported = toManagedOrder({ ...entry, intentId: null, intent: null, imported: true, status: 'open', lastError: 'timed out' }, [], null)
    expect(imported).toMatchObject({ intentId: 'imported-aiw0001', imported: true, origin: { kind: 'manual' }, reason: 'timed out' })
    expect(ManagedOrderSchema.parse(imported)).toEqual(imported)
    expect(managedIdOf(entry)).toBe('intent-0001')
  })

  it('counts slippage as positive when the price was worse for our side', () => {
    expect(slippagePct('buy', 101, 100)).toBe(1)
    expect(slippagePct('sell', 101, 100)).toBe(-1)
    expect(slippagePct('sell', 99, 100)).toBe(1)
    expect(slippagePct('buy', null, 100)).toBeNull()
    expect(slippagePct('buy', 100, 0)).toBeNull()
  })
})
