import { describe, expect, it } from 'vitest'
import { createPortfolio, type Portfolio } from '../../../src/main/core/portfolio'
import { BTC, ETH, INSTRUMENTS, T0, fill } from './fixtures'

function open(): Portfolio {
  const portfolio = createPortfolio()
  portfolio.openAccount({ accountId: 'a1', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: T0 })
  return portfolio
}
const usdt = (p: Portfolio) => p.account('a1').currencies.find((c) => c.currency === 'USDT')!

describe('portfolio fills', () => {
  it('opens, adds, partially closes and fully closes a position, realizing PnL into the balance', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 2 }), INSTRUMENTS[BTC]!)
    p.applyFill('a1', fill({ side: 'buy', price: 63000, amount: 1 }), INSTRUMENTS[BTC]!)
    expect(p.positions('a1')).toMatchObject([{ symbol: BTC, side: 'long', contracts: 3, size: 0.03, entryPrice: 61000, markPrice: null, unrealizedPnl: 0 }])
    const partial = p.applyFill('a1', fill({ side: 'sell', price: 62000, amount: 1 }), INSTRUMENTS[BTC]!)
    expect(partial).toMatchObject({ applied: true, realizedPnl: 10, closed: 1, roundTrip: null })
    expect(p.positions('a1')[0]).toMatchObject({ contracts: 2, entryPrice: 61000, realizedPnl: 10 })
    const close = p.applyFill('a1', fill({ side: 'sell', price: 60500, amount: 2 }), INSTRUMENTS[BTC]!)
    expect(close).toMatchObject({ realizedPnl: -10, roundTrip: { side: 'long', realizedPnl: 0, netPnl: 0, result: 'breakeven' } })
    expect(p.positions('a1')).toEqual([])
    expect(usdt(p)).toMatchObject({ balance: 10_000, realizedPnl: 0, equity: 10_000 })
  })

  it('flips a long into a short: realizes the closed part and opens the rest at the fill price', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 2 }), INSTRUMENTS[BTC]!)
    const flip = p.applyFill('a1', fill({ side: 'sell', price: 61000, amount: 5 }), INSTRUMENTS[BTC]!)
    expect(flip).toMatchObject({ realizedPnl: 20, closed: 2, opened: 3, roundTrip: { side: 'long', netPnl: 20, result: 'win' } })
    expect(p.positions('a1')).toMatchObject([{ side: 'short', contracts: 3, size: -0.03, entryPrice: 61000 }])
    expect(usdt(p).balance).toBe(10_020)
  })

  it('charges taker and maker fees in their currency, and credits a maker rebate (a negative fee)', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 10, fee: 0.3, liquidity: 'taker' }), INSTRUMENTS[BTC]!)
    p.applyFill('a1', fill({ side: 'sell', price: 60000, amount: 5, fee: 0.06, liquidity: 'maker' }), INSTRUMENTS[BTC]!)
    p.applyFill('a1', fill({ side: 'sell', price: 60000, amount: 5, fee: -0.03, liquidity: 'maker' }), INSTRUMENTS[BTC]!)
    expect(usdt(p)).toMatchObject({ fees: 0.33, balance: 9999.67, totalPnl: -0.33 })
    expect(p.roundTrips('a1')).toMatchObject({ losses: 1, last: { fees: 0.33, netPnl: -0.33 } })
  })

  it('books a fee in another currency against that currency, not the settle one', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 1, fee: 0.002, feeCurrency: 'OKB' }), INSTRUMENTS[BTC]!)
    const account = p.account('a1')
    expect(account.currencies.map((c) => [c.currency, c.balance])).toEqual([
      ['OKB', -0.002],
      ['USDT', 10_000],
    ])
  })

  it('ignores a fill seen before: same venue, symbol and trade id', () => {
    const p = open()
    const first = fill({ side: 'buy', price: 60000, amount: 2, fee: 0.06 })
    expect(p.applyFill('a1', first, INSTRUMENTS[BTC]!).applied).toBe(true)
    expect(p.applyFill('a1', { ...first }, INSTRUMENTS[BTC]!)).toEqual({ applied: false, reason: 'duplicate' })
    expect(p.positions('a1')[0]!.contracts).toBe(2)
    expect(usdt(p).fees).toBe(0.06)
    // Venues such as OKX number trades per instrument: the same id on another symbol is another trade.
    expect(p.applyFill('a1', { ...first, symbol: ETH }, INSTRUMENTS[ETH]!).applied).toBe(true)
  })

  it('values positions at the mark: unrealized PnL, notional, equity and leverage used', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 10 }), INSTRUMENTS[BTC]!)
    p.applyFill('a1', fill({ side: 'sell', price: 3000, amount: 20, symbol: ETH }), INSTRUMENTS[ETH]!)
    p.markToMarket('paper', [{ symbol: BTC, markPrice: 61000 }, { symbol: ETH, markPrice: 3100 }], T0 + 1000)
    const [btc, eth] = p.positions('a1')
    expect(btc).toMatchObject({ markPrice: 61000, unrealizedPnl: 100, notional: 6100 })
    expect(eth).toMatchObject({ markPrice: 3100, unrealizedPnl: -200, notional: 6200 })
    expect(usdt(p)).toMatchObject({ balance: 10_000, unrealizedPnl: -100, equity: 9900, grossNotional: 12_300 })
    expect(usdt(p).leverage).toBeCloseTo(12_300 / 9900, 12)
    expect(btc!.leverageUsed).toBeCloseTo(6100 / 9900, 12)
    // Marks of another venue do not touch this account.
    p.markToMarket('okx', [{ symbol: BTC, markPrice: 1 }], T0 + 2000)
    expect(p.positions('a1')[0]!.markPrice).toBe(61000)
  })

  it('counts wins and losses per round trip and the run of consecutive losses', () => {
    const p = open()
    const trip = (entry: number, exit: number): void => {
      p.applyFill('a1', fill({ side: 'buy', price: entry, amount: 1 }), INSTRUMENTS[BTC]!)
      p.applyFill('a1', fill({ side: 'sell', price: exit, amount: 1 }), INSTRUMENTS[BTC]!)
    }
    trip(60000, 59000)
    trip(60000, 59000)
    expect(p.roundTrips('a1')).toMatchObject({ wins: 0, losses: 2, consecutiveLosses: 2 })
    trip(60000, 60000)
    expect(p.roundTrips('a1')).toMatchObject({ breakevens: 1, consecutiveLosses: 0 })
    trip(60000, 59500)
    expect(p.roundTrips('a1')).toMatchObject({ losses: 3, consecutiveLosses: 1 })
    trip(60000, 61000)
    expect(p.roundTrips('a1')).toMatchObject({ wins: 1, losses: 3, consecutiveLosses: 0, last: { netPnl: 10, result: 'win' } })
  })

  it('splits a flip fill fee between the round trip it ends and the one it starts', () => {
    const p = open()
    p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 1, fee: 0.1 }), INSTRUMENTS[BTC]!)
    const flip = p.applyFill('a1', fill({ side: 'sell', price: 60000, amount: 4, fee: 0.4 }), INSTRUMENTS[BTC]!)
    expect(flip.applied && flip.roundTrip).toMatchObject({ fees: 0.2, netPnl: -0.2 })
    const close = p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 3, fee: 0.3 }), INSTRUMENTS[BTC]!)
    expect(close.applied && close.roundTrip).toMatchObject({ side: 'short', fees: 0.6, netPnl: -0.6 })
  })

  it('refuses what it cannot book correctly, saying why', () => {
    const p = open()
    expect(() => p.applyFill('nope', fill({ side: 'buy', price: 1, amount: 1 }), INSTRUMENTS[BTC]!)).toThrow(/unknown account nope/)
    expect(() => p.applyFill('a1', fill({ side: 'buy', price: 1, amount: 1, symbol: ETH }), INSTRUMENTS[BTC]!)).toThrow(/instrument given is BTC/)
    const inverse = { ...INSTRUMENTS[BTC]!, symbol: 'BTC/USD:BTC', quote: 'USD', settle: 'BTC' }
    expect(() => p.applyFill('a1', fill({ side: 'buy', price: 1, amount: 1, symbol: 'BTC/USD:BTC' }), inverse)).toThrow(/inverse contracts are not supported/)
    expect(() => p.openAccount({ accountId: 'a1', venue: 'paper', startingBalances: {}, openedAt: T0 })).toThrow(/already open/)
    expect(() => p.markToMarket('paper', [{ symbol: BTC, markPrice: 1 }, { symbol: ETH, markPrice: NaN }], T0)).toThrow(/mark of ETH\/USDT:USDT must be a positive price, received NaN/)
  })
})
