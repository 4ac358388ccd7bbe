import { describe, expect, it } from 'vitest'
import { BTC, ETH, createHarness } from './harness'

describe('simulated exchange margin', () => {
  it('refuses an order whose initial margin and fee exceed the free margin', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 } })
    // 2 contracts x 0.01 BTC x 59000 / 10x = 118 USDT of margin: more than the 100 held.
    const refusal = await h.refusal({ amount: 2, price: 59000 })
    expect(refusal).toMatchObject({ kind: 'rejected', reason: 'insufficient_funds', venue: 'paper' })
    expect(refusal.message).toMatch(/USDT/)
    await h.submit({ clientOrderId: 'one', amount: 1, price: 59000 })
    const usdt = (await h.exchange.execution.balances()).find((b) => b.currency === 'USDT')!
    expect(usdt.used).toBeCloseTo(59, 8)
    expect(usdt.free).toBeCloseTo(41, 8)
    // The first order's margin is tied up, so a second one no longer fits.
    expect((await h.refusal({ amount: 1, price: 59000 })).reason).toBe('insufficient_funds')
  })

  it('charges no margin for the part of an order that closes a position', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 } })
    await h.submit({ type: 'market', price: null, amount: 1 })
    // About 39.6 USDT is free. Of a sell of 2, one contract closes and the other opens a short needing 61 USDT.
    expect((await h.refusal({ side: 'sell', price: 61000, amount: 2 })).reason).toBe('insufficient_funds')
    const closing = await h.submit({ clientOrderId: 'close', side: 'sell', price: 61000, amount: 1 })
    expect(closing.status).toBe('open')
  })

  it('sizes margin by the symbol leverage, set through the venue and bounded', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 } })
    await h.exchange.setLeverage(BTC, 20)
    const ack = await h.submit({ amount: 2, price: 59000 })
    expect(ack.status).toBe('open')
    await expect(h.exchange.setLeverage(BTC, 0.5)).rejects.toMatchObject({ kind: 'rejected' })
    await expect(h.exchange.setLeverage(BTC, 101)).rejects.toMatchObject({ kind: 'rejected' })
    // ETH lists at most 50x, below the venue-wide 100x.
    await expect(h.exchange.setLeverage(ETH, 60)).rejects.toThrow(/between 1 and 50/)
    await expect(h.exchange.setLeverage('BTC/USDT:USDC', 5)).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('refuses a leverage cut that the equity cannot carry and keeps the old leverage', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 } })
    await h.submit({ type: 'market', price: null, amount: 1 })
    await expect(h.exchange.setLeverage(BTC, 1)).rejects.toMatchObject({ reason: 'insufficient_funds' })
    const [position] = await h.exchange.execution.positions()
    expect(position).toMatchObject({ leverage: 10 })
    // Margin is notional at the mark (the book mid without a mark stream) over leverage.
    expect(position!.margin).toBeCloseTo((0.01 * 60000) / 10, 8)
  })

  it('values positions at the mark: unrealized PnL and equity follow it', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    h.market.setMark(BTC, 61010)
    await h.settle()
    const [position] = await h.exchange.execution.positions()
    expect(position).toMatchObject({ side: 'long', contracts: 3, entryPrice: 60010, markPrice: 61010 })
    expect(position!.unrealizedPnl).toBeCloseTo(1000 * 3 * 0.01, 8)
    const usdt = (await h.exchange.execution.balances()).find((b) => b.currency === 'USDT')!
    expect(usdt.total).toBeCloseTo(10_000 - 3 * 0.01 * 60010 * 0.0005 + 30, 8)
  })
})
