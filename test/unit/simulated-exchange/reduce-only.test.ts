import { describe, expect, it } from 'vitest'
import { BTC, createHarness } from './harness'

describe('simulated exchange reduce-only orders', () => {
  it('refuses a reduce-only order that would increase or flip the position', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    expect((await h.refusal({ side: 'sell', type: 'market', price: null, amount: 5, reduceOnly: true })).reason).toBe('reduce_only_would_increase')
    expect((await h.refusal({ side: 'buy', price: 59000, amount: 1, reduceOnly: true })).reason).toBe('reduce_only_would_increase')
    const close = await h.submit({ side: 'sell', type: 'market', price: null, amount: 3, reduceOnly: true })
    expect(close).toMatchObject({ status: 'filled', filled: 3 })
    expect(await h.exchange.execution.positions()).toEqual([])
  })

  it('cancels a resting reduce-only order once the position it reduces is gone', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    await h.submit({ clientOrderId: 'tp', side: 'sell', price: 61000, amount: 3, reduceOnly: true })
    await h.submit({ side: 'sell', type: 'market', price: null, amount: 3 })
    expect(h.eventsFor('tp').map((e) => e.type)).toEqual(['accepted', 'cancelled'])
    expect(h.eventsFor('tp')[1]!.order.reason).toBe('reduce_only_would_increase')
  })

  it('caps fills of several reduce-only orders at the position, never flipping it', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    await h.submit({ clientOrderId: 'a', side: 'sell', price: 61000, amount: 2, reduceOnly: true })
    await h.submit({ clientOrderId: 'b', side: 'sell', price: 61000, amount: 2, reduceOnly: true })
    h.market.printTrade(BTC, 61005, 10, 'buy')
    await h.settle()
    expect(h.eventsFor('a').at(-1)).toMatchObject({ type: 'filled', order: { filled: 2 } })
    expect(h.eventsFor('b').map((e) => e.type)).toEqual(['accepted', 'partially_filled', 'cancelled'])
    expect(h.eventsFor('b').at(-1)!.order.filled).toBe(1)
    expect(await h.exchange.execution.positions()).toEqual([])
  })

  it('ties up no margin for reduce-only orders', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 } })
    await h.submit({ type: 'market', price: null, amount: 1 })
    const before = (await h.exchange.execution.balances())[0]!.used
    await h.submit({ side: 'sell', price: 61000, amount: 1, reduceOnly: true })
    expect((await h.exchange.execution.balances())[0]!.used).toBe(before)
  })
})
