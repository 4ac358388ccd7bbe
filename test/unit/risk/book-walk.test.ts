import { describe, expect, it } from 'vitest'
import { walkBook, type RiskBook } from '../../../src/main/core/risk'
import { codes, judge, ladder } from './fixtures'

// Mid 99.5; asks 100 ×1, 101 ×1, 102 ×2; bids 99 ×1, 98 ×3.
const BOOK: RiskBook = { asks: [[100, 1], [101, 1], [102, 2]], bids: [[99, 1], [98, 3]], timestamp: 0 }

describe('book walk', () => {
  it('averages the levels a market buy takes, against the mid', () => {
    const walk = walkBook(BOOK, 'buy', 3, null)
    expect(walk.averagePrice).toBe(101)
    expect(walk.referencePrice).toBe(99.5)
    expect(walk.slippagePct).toBeCloseTo((1.5 / 99.5) * 100, 12)
    expect(walk.fillShare).toBe(1)
    expect(walk.filled).toBe(3)
  })

  it('takes part of a level and the whole book exactly', () => {
    expect(walkBook(BOOK, 'buy', 2.5, null).averagePrice).toBeCloseTo((100 + 101 + 0.5 * 102) / 2.5, 12)
    expect(walkBook(BOOK, 'buy', 4, null).averagePrice).toBe(101.25)
  })

  it('walks the bids for a sell, slippage positive when worse', () => {
    const walk = walkBook(BOOK, 'sell', 4, null)
    expect(walk.averagePrice).toBe(98.25)
    expect(walk.slippagePct).toBeCloseTo((1.25 / 99.5) * 100, 12)
  })

  it('gives the share the visible book can fill when it runs out', () => {
    const walk = walkBook(BOOK, 'buy', 5, null)
    expect(walk.fillShare).toBe(0.8)
    expect(walk.filled).toBe(4)
    expect(walk.averagePrice).toBe(101.25)
  })

  it('stops a limit order at its limit: the share fillable at or better than it', () => {
    const walk = walkBook(BOOK, 'buy', 4, 101)
    expect(walk.filled).toBe(2)
    expect(walk.fillShare).toBe(0.5)
    expect(walk.averagePrice).toBe(100.5)
    const sell = walkBook(BOOK, 'sell', 2, 98.5)
    expect(sell.fillShare).toBe(0.5)
    expect(sell.averagePrice).toBe(99)
  })

  it('reports nothing filled for a passive limit order', () => {
    const walk = walkBook(BOOK, 'buy', 1, 99.9)
    expect(walk).toEqual({ filled: 0, averagePrice: null, referencePrice: 99.5, slippagePct: null, fillShare: 0 })
  })

  it('falls back to the touch on a one-sided book, and to nothing on an empty one', () => {
    expect(walkBook({ asks: BOOK.asks, bids: [], timestamp: 0 }, 'buy', 1, null).referencePrice).toBe(100)
    expect(walkBook({ asks: BOOK.asks, bids: [], timestamp: 0 }, 'buy', 1, null).slippagePct).toBe(0)
    expect(walkBook({ asks: [], bids: [], timestamp: 0 }, 'buy', 1, null)).toEqual({ filled: 0, averagePrice: null, referencePrice: null, slippagePct: null, fillShare: 0 })
  })

  it('skips malformed levels instead of turning into NaN', () => {
    const bad: RiskBook = { asks: [[Number.NaN, 1], [100, -1], [100, Number.POSITIVE_INFINITY], [101, 1]], bids: [[99, 1]], timestamp: 0 }
    expect(walkBook(bad, 'buy', 1, null).averagePrice).toBe(101)
  })

  it('counts float dust as filled', () => {
    const dusty: RiskBook = { asks: [[100, 0.1], [100, 0.1], [100, 0.1]], bids: [], timestamp: 0 }
    expect(walkBook(dusty, 'buy', 0.3, null).fillShare).toBe(1)
  })
})

describe('slippage rule', () => {
  // Thin ask: 1 contract at the touch, then a gap to 50,400.
  const thin = { book: { bids: [[49_999.9, 10]] as [number, number][], asks: [[50_000.1, 1], [50_400, 10]] as [number, number][], timestamp: 1_700_000_000_000 } }

  it('refuses a market order whose estimated slippage is above the tolerance', () => {
    const verdict = judge({ type: 'market', price: null, amount: 5 }, thin)
    expect(codes(verdict)).toEqual(['slippage_above_tolerance'])
    expect(verdict.estimate.averagePrice).toBeCloseTo((50_000.1 + 4 * 50_400) / 5, 9)
    expect(verdict.reasons[0]!.actual).toBeCloseTo(((50_320.02 - 50_000) / 50_000) * 100, 9)
    expect(verdict.reasons[0]!.limit).toBe(0.5)
  })

  it('passes one that stays within it', () => {
    expect(judge({ type: 'market', price: null, amount: 1 }, thin).decision).toBe('accept')
  })

  it('refuses a market order larger than the visible book', () => {
    const verdict = judge({ type: 'market', price: null, amount: 201 }, { book: ladder() }, { maxOrderNotional: 1e9, maxOrderEquityPct: 100, maxPositionNotional: 1e9, maxGrossExposure: 1e9 })
    expect(codes(verdict)).toEqual(['slippage_above_tolerance'])
    expect(verdict.estimate.fillProbability).toBeCloseTo(200 / 201, 12)
  })

  it('lets a limit order rest beyond the visible book, with the fill probability to say so', () => {
    const verdict = judge({ price: 50_000.2, amount: 30 }, {}, { maxOrderNotional: 1e9, maxOrderEquityPct: 100, approvalNotional: 1e9 })
    expect(verdict.decision).toBe('accept')
    expect(verdict.estimate.fillProbability).toBeCloseTo(20 / 30, 12)
    expect(verdict.estimate.averagePrice).toBeCloseTo(50_000.15, 9)
  })
})
