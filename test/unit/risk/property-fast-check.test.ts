import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isRiskReducing, walkBook, type RiskBook } from '../../../src/main/core/risk'
import type { BookLevel } from '../../../src/shared/domain/market'
import { codes, judge, longPosition, makeIntent } from './fixtures'

// Shrinking properties alongside the seeded fuzz loop: when one fails, fast-check reports the smallest case.

/** A sorted side of a book: `count` levels stepping away from `from`. */
const side = (from: number, direction: 1 | -1) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1_000 })), { maxLength: 20 }).map((steps) => {
    let price = from
    return steps.map(([gap, size]): BookLevel => [(price += direction * gap * 0.5), size / 10])
  })
const book = fc.record({ bids: side(100, -1), asks: side(100, 1), timestamp: fc.constant(0) }) as fc.Arbitrary<RiskBook>

describe('book walk properties', () => {
  it('averages between the best and the worst level taken, never past the limit, never over the size', () => {
    fc.assert(
      fc.property(book, fc.constantFrom('buy' as const, 'sell' as const), fc.double({ min: 0.01, max: 500, noNaN: true }), fc.option(fc.integer({ min: 80, max: 120 })), (b, s, amount, limit) => {
        const walk = walkBook(b, s, amount, limit)
        expect(walk.fillShare).toBeGreaterThanOrEqual(0)
        expect(walk.fillShare).toBeLessThanOrEqual(1)
        expect(walk.filled).toBeLessThanOrEqual(amount * (1 + 1e-9))
        if (walk.averagePrice === null) return
        const levels = s === 'buy' ? b.asks : b.bids
        const best = levels[0]![0]
        expect(s === 'buy' ? walk.averagePrice >= best - 1e-9 : walk.averagePrice <= best + 1e-9).toBe(true)
        if (limit !== null) expect(s === 'buy' ? walk.averagePrice <= limit + 1e-9 : walk.averagePrice >= limit - 1e-9).toBe(true)
      }),
    )
  })
})

describe('risk engine properties', () => {
  it('accepting a size means accepting every smaller size down to the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -20, max: 20 }), fc.constantFrom('buy' as const, 'sell' as const), (amount, ticks, s) => {
        const price = Math.round((50_000 + ticks * 0.1) * 10) / 10
        if (judge({ amount, price, side: s }).decision !== 'accept') return
        for (let smaller = 1; smaller < amount; smaller++) expect(judge({ amount: smaller, price, side: s }).decision).toBe('accept')
      }),
      { numRuns: 60 },
    )
  })

  it('never refuses a reduction for exposure, lists or market data', () => {
    const exempt = ['notional_above_cap', 'notional_above_equity_share', 'position_above_cap', 'gross_exposure_above_cap', 'symbol_denied', 'market_data_stale', 'market_data_missing', 'breaker_reducing']
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000 }), fc.boolean(), (held, amount, reduceOnly) => {
        const context = { positions: [longPosition(held)], book: null, mark: null, breakers: { desk: 'reducing' as const, account: 'active' as const, pilot: null } }
        const intent = { side: 'sell' as const, price: 49_999.9, amount, reduceOnly }
        const verdict = judge(intent, context, { denySymbols: ['BTC/USDT:USDT'] })
        const reducing = isRiskReducing(makeIntent(intent), context.positions, [])
        expect(reducing).toBe(reduceOnly || amount <= held)
        if (reducing) expect(codes(verdict).filter((c) => exempt.includes(c))).toEqual([])
      }),
    )
  })
})
