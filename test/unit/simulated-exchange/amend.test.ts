import { describe, expect, it } from 'vitest'
import { BTC, createHarness } from './harness'

describe('simulated exchange amend', () => {
  it('changes price and size of a resting order, announcing it once', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'a', price: 59000, amount: 2 })
    const amended = await h.exchange.execution.amend({ clientOrderId: 'a', symbol: BTC }, { price: 59100, amount: 3 })
    await h.settle()
    expect(amended).toMatchObject({ price: 59100, amount: 3, status: 'open' })
    expect(h.eventsFor('a').map((e) => e.type)).toEqual(['accepted', 'amended'])
    expect(await h.exchange.execution.queryOrder({ clientOrderId: 'a', symbol: BTC })).toMatchObject({ price: 59100, amount: 3 })
  })

  it('lets an amendment that crosses the book take liquidity as taker', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'a', price: 59000, amount: 2 })
    const amended = await h.exchange.execution.amend({ clientOrderId: 'a', symbol: BTC }, { price: 60010 })
    await h.settle()
    expect(amended).toMatchObject({ status: 'filled', filled: 2, averagePrice: 60010 })
    expect(h.fillsOf('a')[0]!.liquidity).toBe('taker')
  })

  it('refuses invalid amendments and leaves the order as it was', async () => {
    const h = await createHarness({ startingBalances: { USDT: 1000 } })
    await h.submit({ clientOrderId: 'p', price: 59000, amount: 2, postOnly: true })
    await h.submit({ clientOrderId: 'part', price: 60010, amount: 10 })
    const ref = (id: string) => ({ clientOrderId: id, symbol: BTC })
    const amend = (id: string, changes: { price?: number; amount?: number }) => h.exchange.execution.amend(ref(id), changes)
    await expect(amend('p', { price: 60020 })).rejects.toMatchObject({ reason: 'post_only_would_take' })
    await expect(amend('p', { price: 59000.05 })).rejects.toMatchObject({ reason: 'invalid_price' })
    await expect(amend('p', { amount: 1.5 })).rejects.toMatchObject({ reason: 'invalid_size' })
    await expect(amend('p', {})).rejects.toMatchObject({ kind: 'rejected' })
    // Half of 'part' filled on arrival; its size cannot drop to what is filled.
    await expect(amend('part', { amount: 5 })).rejects.toMatchObject({ reason: 'invalid_size' })
    // 1000 USDT at 10x carries about 16 contracts at this price.
    await expect(amend('p', { amount: 200 })).rejects.toMatchObject({ reason: 'insufficient_funds' })
    await expect(amend('nope', { price: 1 })).rejects.toMatchObject({ kind: 'not_found' })
    expect(await h.exchange.execution.queryOrder(ref('p'))).toMatchObject({ price: 59000, amount: 2, status: 'open' })
    await h.exchange.execution.cancel(ref('p'))
    await expect(amend('p', { price: 58000 })).rejects.toMatchObject({ kind: 'rejected', reason: 'order_not_open' })
    expect(h.events.filter((e) => e.type === 'amended')).toEqual([])
  })

  it('moves an amended order behind older orders at its new price', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'first', price: 59990, amount: 1 })
    await h.submit({ clientOrderId: 'second', price: 59995, amount: 1 })
    await h.exchange.execution.amend({ clientOrderId: 'first', symbol: BTC }, { price: 59995 })
    h.market.printTrade(BTC, 59994, 1, 'sell')
    await h.settle()
    expect(h.events.filter((e) => e.type === 'filled').map((e) => e.order.clientOrderId)).toEqual(['second'])
  })
})
