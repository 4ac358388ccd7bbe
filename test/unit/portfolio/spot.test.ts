import { describe, expect, it } from 'vitest'
import { createPortfolio } from '../../../src/main/core/portfolio'
import { BTC_SPOT, INSTRUMENTS, T0, fill } from './fixtures'

const spot = INSTRUMENTS[BTC_SPOT]!

describe('portfolio spot', () => {
  it('moves base and quote balances with each fill, fees taken from their own currency', () => {
    const p = createPortfolio()
    p.openAccount({ accountId: 's1', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: T0 })
    // OKX charges a spot buy's fee in the coin bought.
    p.applyFill('s1', fill({ symbol: BTC_SPOT, side: 'buy', price: 60000, amount: 0.1, fee: 0.0001, feeCurrency: 'BTC' }), spot)
    let money = Object.fromEntries(p.account('s1').currencies.map((c) => [c.currency, c]))
    // The coin fee leaves the holding at its cost: the coins are all counted in USDT, the fee a 6 USDT loss there.
    expect(money.USDT).toMatchObject({ balance: 4000, spotAtCost: 5994, equity: 9994, totalPnl: -6 })
    expect(money.BTC).toMatchObject({ balance: 0.0999, spotAtCost: -0.0999, equity: 0, fees: 0.0001 })
    expect(p.positions('s1')).toMatchObject([{ type: 'spot', side: 'long', contracts: 0.0999, entryPrice: 60000, fees: 6 }])

    p.markToMarket('paper', [{ symbol: BTC_SPOT, markPrice: 61000 }], T0 + 1)
    money = Object.fromEntries(p.account('s1').currencies.map((c) => [c.currency, c]))
    expect(money.USDT).toMatchObject({ unrealizedPnl: 99.9, equity: 10_093.9, totalPnl: 93.9, grossNotional: 6093.9 })

    p.applyFill('s1', fill({ symbol: BTC_SPOT, side: 'sell', price: 62000, amount: 0.0999, fee: 6.1938, feeCurrency: 'USDT', timestamp: T0 + 2 }), spot)
    money = Object.fromEntries(p.account('s1').currencies.map((c) => [c.currency, c]))
    expect(money.BTC).toMatchObject({ balance: 0, equity: 0 })
    expect(money.USDT).toMatchObject({ balance: 10_187.6062, equity: 10_187.6062, realizedPnl: 199.8, fees: 6.1938 })
    expect(p.positions('s1')).toEqual([])
    expect(p.roundTrips('s1').last).toMatchObject({ realizedPnl: 199.8, fees: 12.1938, netPnl: 187.6062, result: 'win' })
  })

  it('treats a sale of coins held before tracking as a face-value move between currencies, not a short', () => {
    const p = createPortfolio()
    p.openAccount({ accountId: 's1', venue: 'paper', startingBalances: { USDT: 0, BTC: 1 }, openedAt: T0 })
    p.applyFill('s1', fill({ symbol: BTC_SPOT, side: 'sell', price: 60000, amount: 0.5 }), spot)
    expect(p.positions('s1')).toEqual([])
    expect(p.account('s1').currencies.map((c) => [c.currency, c.balance, c.equity])).toEqual([
      ['BTC', 0.5, 0.5],
      ['USDT', 30_000, 30_000],
    ])
  })
})
