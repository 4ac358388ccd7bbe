import { describe, expect, it } from 'vitest'
import { createPortfolio } from '../../../src/main/core/portfolio'
import { BTC, ETH, INSTRUMENTS, T0, fill } from './fixtures'

describe('portfolio totals', () => {
  it('sums accounts per currency, without converting between currencies', () => {
    const p = createPortfolio()
    p.openAccount({ accountId: 'alpha', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: T0 })
    p.openAccount({ accountId: 'beta', venue: 'okx', startingBalances: { USDT: 5_000, USDC: 1_000 }, openedAt: T0 })
    p.applyFill('alpha', fill({ side: 'buy', price: 60000, amount: 10, fee: 3 }), INSTRUMENTS[BTC]!)
    p.applyFill('beta', fill({ venue: 'okx', symbol: ETH, side: 'sell', price: 3000, amount: 10, fee: 1.5 }), INSTRUMENTS[ETH]!)
    p.markToMarket('paper', [{ symbol: BTC, markPrice: 61000 }], T0 + 1)
    p.markToMarket('okx', [{ symbol: ETH, markPrice: 2900 }], T0 + 2)
    const snapshot = p.snapshot(T0 + 3)
    expect(snapshot.accounts.map((a) => a.accountId)).toEqual(['alpha', 'beta'])
    expect(snapshot.totals.map((t) => t.currency)).toEqual(['USDC', 'USDT'])
    const usdt = snapshot.totals[1]!
    expect(usdt).toMatchObject({ starting: 15_000, fees: 4.5, balance: 14_995.5, unrealizedPnl: 200, equity: 15_195.5, grossNotional: 6100 + 2900, totalPnl: 195.5 })
    // Opening an account adds capital to the totals, not profit.
    expect(usdt).toMatchObject({ dayOpenEquity: 15_000, dayPnl: 195.5 })
    expect(snapshot.totals[0]).toMatchObject({ currency: 'USDC', equity: 1000, totalPnl: 0 })
    expect(p.totalCurve('USDT')!.latest()!.equity).toBe(15_195.5)
  })

  it('drawdown of the total is measured on the summed curve', () => {
    const p = createPortfolio()
    p.openAccount({ accountId: 'alpha', venue: 'paper', startingBalances: { USDT: 1000 }, openedAt: T0 })
    p.openAccount({ accountId: 'beta', venue: 'paper', startingBalances: { USDT: 1000 }, openedAt: T0 })
    p.applyFill('alpha', fill({ side: 'buy', price: 60000, amount: 10 }), INSTRUMENTS[BTC]!)
    p.applyFill('beta', fill({ side: 'sell', price: 60000, amount: 5 }), INSTRUMENTS[BTC]!)
    p.markToMarket('paper', [{ symbol: BTC, markPrice: 58000 }], T0 + 1)
    const usdt = p.snapshot(T0 + 2).totals[0]!
    expect(usdt).toMatchObject({ equity: 1900, drawdown: { amount: 100, pct: 5 } })
  })
})
