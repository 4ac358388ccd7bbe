import { describe, expect, it } from 'vitest'
import type { BookLevel } from '../../../src/shared/domain/market'
import { BTC, createHarness, type Harness } from './harness'

// One deep level a side, so a 10-contract market order fills at one price.
const DEEP_BIDS: BookLevel[] = [[59990, 50]]
const DEEP_ASKS: BookLevel[] = [[60010, 50]]

/** 100 USDT at 100x, long 10 contracts (0.1 BTC) bought at 60010: the wallet keeps 100 - 3.0005 of fee. */
async function leveragedLong(): Promise<Harness> {
  const h = await createHarness({ startingBalances: { USDT: 100 }, defaultLeverage: 100 })
  h.market.setBook(BTC, DEEP_BIDS, DEEP_ASKS)
  await h.submit({ clientOrderId: 'open', type: 'market', price: null, amount: 10 })
  return h
}
const WALLET = 100 - 6001 * 0.0005
// Cross equity meets 0.5 % maintenance where WALLET + (P - 60010) * 0.1 = 0.005 * P * 0.1.
const LONG_LIQUIDATION = (6001 - WALLET) / (0.1 * 0.995)

describe('simulated exchange liquidation', () => {
  it('reports the liquidation price of a position', async () => {
    const h = await leveragedLong()
    const [position] = await h.exchange.execution.positions()
    expect(position!.liquidationPrice).toBeCloseTo(LONG_LIQUIDATION, 6)
    expect(LONG_LIQUIDATION).toBeCloseTo(59336.69, 2)
  })

  it('leaves the position alone while the mark stays above the liquidation price', async () => {
    const h = await leveragedLong()
    h.market.setMark(BTC, 59340)
    await h.settle()
    expect(await h.exchange.execution.positions()).toHaveLength(1)
    expect(h.accountEvents).toEqual([])
  })

  it('closes the position at the mark, cancels open orders and reports it, once the mark crosses', async () => {
    const h = await leveragedLong()
    await h.submit({ clientOrderId: 'resting', price: 50000, amount: 1 })
    h.market.setMark(BTC, 59330)
    await h.settle()
    expect(await h.exchange.execution.positions()).toEqual([])
    const liquidation = h.events.find((e) => e.type === 'filled' && e.order.reason === 'liquidation')
    expect(liquidation).toMatchObject({ order: { side: 'sell', reduceOnly: true, filled: 10 }, fill: { price: 59330, amount: 10, liquidity: 'taker' } })
    expect(liquidation!.order.clientOrderId).toMatch(/^liq\d+$/)
    expect(h.eventsFor('resting').at(-1)).toMatchObject({ type: 'cancelled', order: { reason: 'liquidation' } })
    expect(h.accountEvents).toHaveLength(1)
    const [event] = h.accountEvents
    expect(event).toMatchObject({ type: 'liquidation', report: { currency: 'USDT', deficit: 0, positions: [{ symbol: BTC, side: 'long', contracts: 10, markPrice: 59330 }] } })
    expect(await h.wallet()).toBeCloseTo(WALLET - 68 - 5933 * 0.0005, 8)
  })

  it('liquidates a short when the mark rises through its liquidation price', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 }, defaultLeverage: 100 })
    h.market.setBook(BTC, DEEP_BIDS, DEEP_ASKS)
    await h.submit({ type: 'market', price: null, side: 'sell', amount: 10 })
    const wallet = 100 - 5999 * 0.0005
    const expected = (wallet + 5999) / (0.1 * 1.005)
    expect((await h.exchange.execution.positions())[0]!.liquidationPrice).toBeCloseTo(expected, 6)
    h.market.setMark(BTC, Math.floor(expected))
    await h.settle()
    expect(await h.exchange.execution.positions()).toHaveLength(1)
    h.market.setMark(BTC, Math.ceil(expected))
    await h.settle()
    expect(await h.exchange.execution.positions()).toEqual([])
  })

  it('absorbs a loss beyond the wallet so the account ends at zero, not below', async () => {
    const h = await leveragedLong()
    h.market.setMark(BTC, 50000)
    await h.settle()
    const [event] = h.accountEvents
    expect(event?.type).toBe('liquidation')
    const deficit = event?.type === 'liquidation' ? event.report.deficit : NaN
    expect(deficit).toBeCloseTo(1001 + 5000 * 0.0005 - WALLET, 8)
    expect(await h.wallet()).toBe(0)
  })

  it('uses the book mid as the mark when the source has no mark stream', async () => {
    const h = await createHarness({ startingBalances: { USDT: 100 }, defaultLeverage: 100 }, { unsupported: ['mark', 'funding'] })
    await h.submit({ type: 'market', price: null, amount: 10 })
    h.market.setBook(BTC, [[59300, 50]], [[59320, 50]])
    await h.settle()
    expect(await h.exchange.execution.positions()).toEqual([])
    expect(h.accountEvents[0]).toMatchObject({ report: { positions: [{ markPrice: 59310 }] } })
  })
})
