import { describe, expect, it } from 'vitest'
import { BTC, createHarness } from './harness'

describe('simulated exchange funding', () => {
  it('makes a long pay notional x rate at the funding time when the rate is positive', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    h.market.setMark(BTC, 60000)
    const fundingTime = h.clock.now() + 1000
    h.market.setFunding(BTC, 0.0001, fundingTime)
    const before = await h.wallet()
    await h.settle(999)
    expect(h.accountEvents).toEqual([])
    await h.settle(1)
    expect(h.accountEvents).toEqual([
      { type: 'funding', payment: { symbol: BTC, currency: 'USDT', rate: 0.0001, markPrice: 60000, contracts: 3, amount: expect.closeTo(-0.18, 10), fundingTime } },
    ])
    expect((await h.wallet()) - before).toBeCloseTo(-0.18, 10)
  })

  it('pays a short when the rate is positive and charges it when negative', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, side: 'sell', amount: 2 })
    h.market.setMark(BTC, 60000)
    h.market.setFunding(BTC, 0.0001, h.clock.now() + 100)
    await h.settle(100)
    h.market.setFunding(BTC, -0.0002, h.clock.now() + 100)
    await h.settle(100)
    const amounts = h.accountEvents.map((e) => (e.type === 'funding' ? e.payment.amount : NaN))
    expect(amounts[0]).toBeCloseTo(0.12, 10)
    expect(amounts[1]).toBeCloseTo(-0.24, 10)
  })

  it('pays each funding time once, at the latest rate announced for it', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 1 })
    h.market.setMark(BTC, 60000)
    const at = h.clock.now() + 500
    h.market.setFunding(BTC, 0.0001, at)
    h.market.setFunding(BTC, 0.0003, at)
    await h.settle(500)
    h.market.setFunding(BTC, 0.0003, at)
    await h.settle(1000)
    expect(h.accountEvents).toHaveLength(1)
    expect(h.accountEvents[0]).toMatchObject({ payment: { rate: 0.0003, amount: expect.closeTo(-0.18, 10) } })
  })

  it('pays nothing without a position', async () => {
    const h = await createHarness()
    await h.exchange.watch([BTC])
    h.market.setFunding(BTC, 0.01, h.clock.now() + 10)
    await h.settle(10)
    expect(h.accountEvents).toEqual([])
    expect(await h.wallet()).toBe(10_000)
  })
})
