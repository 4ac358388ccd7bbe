import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EQUITY_SHARE_PER_ORDER, orderBudget, sizeNewPosition } from '../../../src/main/adapters/rules-provider'
import { accountView, symbolSnapshot } from './snapshot-fixtures'

/** On the step up to float precision, which is relative: a size of a million has no exact 0.0001 grid. */
const onStep = (value: number, step: number): boolean => Math.abs(value - Math.round(value / step) * step) <= 1e-12 * Math.max(1, value / step) * step + 1e-12 * value

describe('order sizing', () => {
  it('spends 0.8 % of equity when that is the smallest cap, rounded down to whole contracts', () => {
    // 100,000 equity → 800 budget; one contract is 0.01 × 30,000 = 300 → 2 contracts (600), not 3 (900).
    const result = sizeNewPosition(symbolSnapshot({ contractSize: 0.01, amountStep: 1, minAmount: 1 }), 30_000, accountView())
    expect(result).toEqual({ ok: true, size: 2, notional: 600 })
  })

  it('keeps under a max order notional smaller than the equity share', () => {
    const account = accountView({ limits: { maxOrderNotional: 450 } })
    expect(orderBudget(account)).toBe(450)
    expect(sizeNewPosition(symbolSnapshot({ contractSize: 0.01, amountStep: 0.1, minAmount: 0.1 }), 30_000, account)).toEqual({ ok: true, size: 1.5, notional: 450 })
  })

  it('refuses when the budget buys less than the minimum amount, saying why', () => {
    const result = sizeNewPosition(symbolSnapshot({ contractSize: 1, amountStep: 1, minAmount: 1 }), 30_000, accountView())
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('below the minimum') })
  })

  it('refuses without equity or available balance', () => {
    expect(sizeNewPosition(symbolSnapshot(), 100, accountView({ equity: 0 })).ok).toBe(false)
    expect(sizeNewPosition(symbolSnapshot(), 100, accountView({ available: -5 })).ok).toBe(false)
    expect(sizeNewPosition(symbolSnapshot(), 100, accountView({ equity: Number.NaN })).ok).toBe(false)
  })

  it('refuses a size too large to count exactly in amount steps', () => {
    const dust = symbolSnapshot({ contractSize: 0.0001, amountStep: 0.0001, minAmount: 0 })
    expect(sizeNewPosition(dust, 1e-9, accountView())).toMatchObject({ ok: false, reason: expect.stringContaining('too many to count') })
  })

  it('never exceeds any cap and always lands on the amount step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200_000, noNaN: true }),
        fc.double({ min: 0, max: 10_000_000, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.constantFrom(0.0001, 0.001, 0.01, 0.1, 1, 10),
        fc.constantFrom(0.0001, 0.01, 0.25, 1, 5),
        (price, equity, maxOrderNotional, contractSize, amountStep) => {
          const account = accountView({ equity, available: equity, limits: { maxOrderNotional } })
          const result = sizeNewPosition(symbolSnapshot({ contractSize, amountStep, minAmount: amountStep }), price, account)
          if (!result.ok) return
          const notional = result.size * contractSize * price
          expect(notional).toBeLessThanOrEqual(maxOrderNotional * (1 + 1e-12))
          expect(notional).toBeLessThanOrEqual(equity * EQUITY_SHARE_PER_ORDER * (1 + 1e-12))
          expect(onStep(result.size, amountStep)).toBe(true)
          expect(result.size).toBeGreaterThanOrEqual(amountStep)
        },
      ),
      { numRuns: 500 },
    )
  })
})
