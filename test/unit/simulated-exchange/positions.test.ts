import { describe, expect, it } from 'vitest'
import { createPositionBook, unrealizedPnl } from '../../../src/main/adapters/simulated-exchange/positions'
import { scriptedInstruments } from '../../support/scripted-market'

const btc = scriptedInstruments()[0]!

describe('net positions', () => {
  it('averages the entry over additions and realizes PnL on reductions', () => {
    const book = createPositionBook()
    expect(book.apply(btc, 'buy', 60000, 2)).toEqual({ realizedPnl: 0, closed: 0 })
    book.apply(btc, 'buy', 63000, 1)
    expect(book.get(btc.symbol)).toMatchObject({ contracts: 3, entryPrice: 61000 })
    const change = book.apply(btc, 'sell', 62000, 2)
    expect(change.closed).toBe(2)
    expect(change.realizedPnl).toBeCloseTo((62000 - 61000) * 2 * 0.01, 10)
    expect(book.get(btc.symbol)).toMatchObject({ contracts: 1, entryPrice: 61000 })
  })

  it('flips through zero: the old side realizes, the rest opens at the fill price', () => {
    const book = createPositionBook()
    book.apply(btc, 'sell', 60000, 2)
    const change = book.apply(btc, 'buy', 59000, 5)
    expect(change.realizedPnl).toBeCloseTo((60000 - 59000) * 2 * 0.01, 10)
    expect(book.get(btc.symbol)).toMatchObject({ contracts: 3, entryPrice: 59000 })
    expect(book.reducible(btc.symbol, 'sell')).toBe(3)
    expect(book.reducible(btc.symbol, 'buy')).toBe(0)
  })

  it('removes a position that closes exactly, and values open ones at the mark', () => {
    const book = createPositionBook()
    book.apply(btc, 'buy', 60000, 2)
    expect(unrealizedPnl(book.get(btc.symbol)!, 59000)).toBeCloseTo(-20, 10)
    book.apply(btc, 'sell', 61000, 2)
    expect(book.all()).toEqual([])
    expect(book.contracts(btc.symbol)).toBe(0)
  })
})
