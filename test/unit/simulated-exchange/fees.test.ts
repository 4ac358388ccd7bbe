import { describe, expect, it } from 'vitest'
import { FEE_SCHEDULES, feeFor, resolveFeeRates } from '../../../src/main/adapters/simulated-exchange/fees'
import { BTC, createHarness } from './harness'

describe('simulated exchange fees', () => {
  it('charges the taker rate on taking fills and the maker rate on resting fills, in USDT', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'take', type: 'market', price: null, amount: 3 })
    const [taker] = h.fillsOf('take')
    expect(taker!.fee).toBeCloseTo(3 * 0.01 * 60010 * 0.0005, 10)
    expect(taker).toMatchObject({ liquidity: 'taker', feeCurrency: 'USDT' })

    await h.submit({ clientOrderId: 'make', price: 59995, amount: 2 })
    h.market.printTrade(BTC, 59990, 5, 'sell')
    await h.settle()
    const [maker] = h.fillsOf('make')
    expect(maker!.fee).toBeCloseTo(2 * 0.01 * 59995 * 0.0002, 10)
    expect(maker!.liquidity).toBe('maker')
    expect(await h.wallet()).toBeCloseTo(10_000 - taker!.fee - maker!.fee, 8)
  })

  it('takes fees and realized PnL out of the wallet on a round trip', async () => {
    const h = await createHarness()
    await h.submit({ type: 'market', price: null, amount: 3 })
    await h.submit({ type: 'market', price: null, side: 'sell', amount: 3 })
    const realized = (59990 - 60010) * 3 * 0.01
    const fees = 3 * 0.01 * 60010 * 0.0005 + 3 * 0.01 * 59990 * 0.0005
    const usdt = (await h.exchange.execution.balances()).find((b) => b.currency === 'USDT')!
    expect(usdt.total).toBeCloseTo(10_000 + realized - fees, 8)
    expect(usdt.used).toBe(0)
    expect(await h.exchange.execution.positions()).toEqual([])
  })

  it('pays a maker rebate as a negative fee when the schedule has one', async () => {
    const h = await createHarness({ fees: { maker: -0.0001, taker: 0.0007 } })
    await h.submit({ clientOrderId: 'make', price: 59995, amount: 2 })
    h.market.printTrade(BTC, 59990, 5, 'sell')
    await h.settle()
    expect(h.fillsOf('make')[0]!.fee).toBeCloseTo(-2 * 0.01 * 59995 * 0.0001, 10)
  })

  it('uses the schedule of the mirrored venue, then the source venue, then OKX-like rates', () => {
    expect(resolveFeeRates('bybit', 'scripted', undefined)).toEqual(FEE_SCHEDULES.bybit)
    expect(resolveFeeRates('paper', 'bybit', undefined)).toEqual(FEE_SCHEDULES.bybit)
    expect(resolveFeeRates('paper', 'scripted', undefined)).toEqual({ maker: 0.0002, taker: 0.0005 })
    expect(() => resolveFeeRates('paper', 'x', { maker: 0.001, taker: 0.0005 })).toThrow(/maker rate <= taker/)
    expect(feeFor({ maker: 0.0002, taker: 0.0005 }, 'maker', 1000)).toBeCloseTo(0.2, 12)
  })
})
