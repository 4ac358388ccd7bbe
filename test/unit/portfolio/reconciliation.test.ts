import { describe, expect, it } from 'vitest'
import { createPortfolio, reconcileBalances, reconcilePositions } from '../../../src/main/core/portfolio'
import type { Position } from '../../../src/shared/domain/order'
import { BTC, BTC_SPOT, ETH, INSTRUMENTS, T0, fill } from './fixtures'

const venuePosition = (symbol: string, side: 'long' | 'short', contracts: number, entryPrice: number): Position => ({
  venue: 'paper',
  symbol,
  side,
  contracts,
  entryPrice,
  markPrice: null,
  unrealizedPnl: 0,
  leverage: 10,
  margin: 0,
  liquidationPrice: null,
})

function portfolio() {
  const p = createPortfolio()
  p.openAccount({ accountId: 'a1', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: T0 })
  p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 3 }), INSTRUMENTS[BTC]!)
  p.applyFill('a1', fill({ symbol: ETH, side: 'sell', price: 3000, amount: 10 }), INSTRUMENTS[ETH]!)
  p.applyFill('a1', fill({ symbol: BTC_SPOT, side: 'buy', price: 60000, amount: 0.01 }), INSTRUMENTS[BTC_SPOT]!)
  return p
}

describe('portfolio reconciliation', () => {
  it('reports nothing when the venue agrees, within the price tolerance, and ignores spot holdings', () => {
    const local = portfolio().positions('a1')
    expect(reconcilePositions(local, [venuePosition(BTC, 'long', 3, 60000.3), venuePosition(ETH, 'short', 10, 3000)])).toEqual([])
  })

  it('reports size, side, entry price, missing and unknown positions, sorted by symbol', () => {
    const local = portfolio().positions('a1')
    const differences = reconcilePositions(local, [venuePosition(BTC, 'long', 2, 60100), venuePosition('SOL/USDT:USDT', 'short', 7, 150)])
    expect(differences.map((d) => [d.symbol, d.kind])).toEqual([
      [BTC, 'size'],
      [BTC, 'entry_price'],
      [ETH, 'missing_on_venue'],
      ['SOL/USDT:USDT', 'unknown_locally'],
    ])
    expect(differences[0]!.message).toBe(`${BTC}: we hold 3 contracts, the venue 2`)
    expect(reconcilePositions(local, [venuePosition(BTC, 'short', 3, 60000), venuePosition(ETH, 'short', 10, 3000)])).toMatchObject([{ symbol: BTC, kind: 'side' }])
    expect(reconcilePositions(local, [venuePosition(BTC, 'long', 3, 60100), venuePosition(ETH, 'short', 10, 3000)], { entryPricePct: 0.5 })).toEqual([])
  })

  it('compares money per currency with the venue balances, beyond a tolerance', () => {
    const currencies = portfolio().account('a1').currencies
    const balance = (currency: string, total: number) => ({ currency, total, free: total, used: 0 })
    expect(reconcileBalances(currencies, [balance('USDT', 10_000.004), balance('BTC', 0.01)], { compare: 'equity' })).toEqual([])
    expect(reconcileBalances(currencies, [balance('USDT', 9_990), balance('ETH', 1)], { compare: 'balance', tolerance: { BTC: 1e-8 } })).toMatchObject([
      { currency: 'BTC', local: 0.01, venue: 0, difference: 0.01 },
      { currency: 'ETH', local: 0, venue: 1, difference: -1 },
      { currency: 'USDT', local: 9_400, venue: 9_990, difference: -590 },
    ])
  })
})
