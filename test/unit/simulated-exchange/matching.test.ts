import { describe, expect, it } from 'vitest'
import { ASKS, BIDS, BTC, createHarness } from './harness'

describe('simulated exchange matching', () => {
  it('walks the book for a market order: one taker fill per level, exact average price', async () => {
    const h = await createHarness()
    const ack = await h.submit({ clientOrderId: 'walk', type: 'market', price: null, amount: 18 })
    expect(ack).toMatchObject({ status: 'filled', filled: 18 })
    expect(h.fillsOf('walk').map((f) => [f.price, f.amount, f.liquidity])).toEqual([
      [60010, 5, 'taker'],
      [60020, 10, 'taker'],
      [60030, 3, 'taker'],
    ])
    expect(ack.averagePrice).toBe((5 * 60010 + 10 * 60020 + 3 * 60030) / 18)
    expect(h.eventsFor('walk').map((e) => e.type)).toEqual(['accepted', 'partially_filled', 'partially_filled', 'filled'])
  })

  it('cancels the remainder of a market order once the book runs out, keeping the partial fill', async () => {
    const h = await createHarness()
    const ack = await h.submit({ clientOrderId: 'deep', type: 'market', price: null, side: 'sell', amount: 40 })
    expect(ack).toMatchObject({ status: 'cancelled', filled: 35, reason: 'insufficient_liquidity' })
    expect(ack.averagePrice).toBe((5 * 59990 + 10 * 59980 + 20 * 59970) / 35)
    expect(h.eventsFor('deep').map((e) => e.type)).toEqual(['accepted', 'partially_filled', 'partially_filled', 'partially_filled', 'cancelled'])
  })

  it('does not let two orders take the same liquidity within one book snapshot, and resets on the next', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'first', type: 'market', price: null, amount: 3 })
    await h.submit({ clientOrderId: 'second', type: 'market', price: null, amount: 4 })
    expect(h.fillsOf('second').map((f) => [f.price, f.amount])).toEqual([
      [60010, 2],
      [60020, 2],
    ])
    h.market.setBook(BTC, BIDS, ASKS)
    await h.submit({ clientOrderId: 'third', type: 'market', price: null, amount: 5 })
    expect(h.fillsOf('third').map((f) => [f.price, f.amount])).toEqual([[60010, 5]])
  })

  it('lets a crossing limit take at book prices up to its limit and rest the rest', async () => {
    const h = await createHarness()
    const ack = await h.submit({ clientOrderId: 'cross', price: 60020, amount: 20 })
    expect(ack).toMatchObject({ status: 'partially_filled', filled: 15, price: 60020 })
    expect(h.fillsOf('cross').map((f) => [f.price, f.amount, f.liquidity])).toEqual([
      [60010, 5, 'taker'],
      [60020, 10, 'taker'],
    ])
    const open = await h.exchange.execution.openOrders(BTC)
    expect(open.map((o) => [o.clientOrderId, o.filled, o.amount])).toEqual([['cross', 15, 20]])
  })

  it('fills a resting order as maker at its own price when the book moves through it', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'rest', price: 59995, amount: 4 })
    h.market.setBook(BTC, BIDS, [
      [59993, 2],
      [59995, 1],
      [60000, 5],
    ])
    await h.settle()
    expect(h.fillsOf('rest').map((f) => [f.price, f.amount, f.liquidity])).toEqual([[59995, 3, 'maker']])
    // A level at exactly the order's price is offered to it.
    h.market.setBook(BTC, BIDS, [[59995, 10]])
    await h.settle()
    expect(h.fillsOf('rest').map((f) => f.amount)).toEqual([3, 1])
    expect(h.eventsFor('rest').at(-1)).toMatchObject({ type: 'filled', order: { filled: 4, averagePrice: 59995 } })
  })

  it('fills resting orders only on prints strictly through their price, up to the printed size', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'bid', price: 59995, amount: 3 })
    h.market.printTrade(BTC, 59995, 10, 'sell')
    await h.settle()
    expect(h.fillsOf('bid')).toEqual([])
    h.market.printTrade(BTC, 59994, 2, 'sell')
    await h.settle()
    expect(h.fillsOf('bid').map((f) => [f.price, f.amount, f.liquidity])).toEqual([[59995, 2, 'maker']])
    h.market.printTrade(BTC, 59990, 5, 'sell')
    await h.settle()
    expect(h.fillsOf('bid').map((f) => f.amount)).toEqual([2, 1])
  })

  it('gives a print to the better-priced resting order first, then to the older one at a price', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'olderLow', price: 59995, amount: 1 })
    await h.submit({ clientOrderId: 'better', price: 59996, amount: 1 })
    await h.submit({ clientOrderId: 'newerLow', price: 59995, amount: 1 })
    for (let i = 0; i < 3; i++) h.market.printTrade(BTC, 59990, 1, 'sell')
    await h.settle()
    const order = h.events.filter((e) => e.type === 'filled').map((e) => e.order.clientOrderId)
    expect(order).toEqual(['better', 'olderLow', 'newerLow'])
  })

  it('fills resting sells on prints above them', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'ask', side: 'sell', price: 60005, amount: 2 })
    h.market.printTrade(BTC, 60008, 5, 'buy')
    await h.settle()
    expect(h.eventsFor('ask').at(-1)).toMatchObject({ type: 'filled', fill: { price: 60005, amount: 2, liquidity: 'maker', side: 'sell' } })
  })

  it('keeps trade ids unique and deterministic across fills', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 18 })
    const ids = h.events.flatMap((e) => ('fill' in e ? [e.fill.tradeId] : []))
    expect(ids).toEqual(['paper-t1', 'paper-t2', 'paper-t3'])
  })
})
