import { describe, expect, it } from 'vitest'
import { createPortfolio, fundingAmount, type FundingPayment } from '../../../src/main/core/portfolio'
import { BTC, INSTRUMENTS, T0, fill } from './fixtures'

const payment = (contracts: number, rate: number, fundingTime = T0 + 3_600_000): FundingPayment => ({
  symbol: BTC,
  currency: 'USDT',
  rate,
  markPrice: 60000,
  contracts,
  amount: fundingAmount(contracts, 0.01, 60000, rate),
  fundingTime,
})

describe('portfolio funding', () => {
  it('makes longs pay and shorts receive when the rate is positive, and the reverse when negative', () => {
    expect(fundingAmount(3, 0.01, 60000, 0.0001)).toBeCloseTo(-0.18, 12)
    expect(fundingAmount(-2, 0.01, 60000, 0.0001)).toBeCloseTo(0.12, 12)
    expect(fundingAmount(3, 0.01, 60000, -0.0001)).toBeCloseTo(0.18, 12)
    expect(fundingAmount(0, 0.01, 60000, 0.0001)).toBe(0)
  })

  it('books funding into the balance, the position and the round trip, once per funding time', () => {
    const p = createPortfolio()
    p.openAccount({ accountId: 'a1', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: T0 })
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 3 }), INSTRUMENTS[BTC]!)
    expect(p.applyFunding('a1', payment(3, 0.0001))).toBe(true)
    expect(p.applyFunding('a1', payment(3, 0.0001))).toBe(false)
    expect(p.applyFunding('a1', payment(3, -0.0002, T0 + 2 * 3_600_000))).toBe(true)
    const usdt = p.account('a1').currencies[0]!
    expect(usdt).toMatchObject({ funding: 0.18, balance: 10_000.18, totalPnl: 0.18 })
    expect(p.positions('a1')[0]!.funding).toBe(0.18)
    const close = p.applyFill('a1', fill({ side: 'sell', price: 60000, amount: 3, timestamp: T0 + 3 * 3_600_000 }), INSTRUMENTS[BTC]!)
    expect(close.applied && close.roundTrip).toMatchObject({ funding: 0.18, netPnl: 0.18, result: 'win' })
  })
})
