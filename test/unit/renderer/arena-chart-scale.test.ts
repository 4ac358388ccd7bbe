import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  autoscaleWithFloor,
  curveBaseline,
  formatCurveValue,
  MIN_HALF_RANGE_PCT,
  minimumRange,
  widenRange,
} from '../../../src/renderer/src/pages/arena/arena-scale'
import { toReturnCurve } from '../../../src/renderer/src/stores/arena-state'

describe('the arena chart scale', () => {
  it('keeps at least ±0.25% around zero in Return % mode', () => {
    expect(minimumRange('percent', 0)).toEqual({ minValue: -MIN_HALF_RANGE_PCT, maxValue: MIN_HALF_RANGE_PCT })
  })

  it('keeps at least ±0.25% of the starting equity in Equity mode', () => {
    const range = minimumRange('money', 10_000)!
    expect(range.minValue).toBeCloseTo(9_975, 9)
    expect(range.maxValue).toBeCloseTo(10_025, 9)
    // An unfunded account has no scale to keep.
    expect(minimumRange('money', 0)).toBeNull()
    expect(minimumRange('money', Number.NaN)).toBeNull()
  })

  it('shows a 0.02 USDT fee on 10,000 as a flat line, not a crash', () => {
    const curve = toReturnCurve(
      [
        { at: 1, equity: 10_000 },
        { at: 2, equity: 9_999.98 },
      ],
      10_000,
    )
    const data = { minValue: Math.min(...curve.map((p) => p.value)), maxValue: Math.max(...curve.map((p) => p.value)) }
    const shown = autoscaleWithFloor({ priceRange: data }, minimumRange('percent', 0))!.priceRange!
    const move = data.maxValue - data.minValue
    // The move takes well under a thousandth of the visible height.
    expect(move / (shown.maxValue - shown.minValue)).toBeLessThan(0.001)
  })

  it('leaves a range wider than the floor alone', () => {
    const wide = { minValue: -3, maxValue: 5 }
    expect(widenRange(wide, minimumRange('percent', 0))).toEqual(wide)
    const above = { minValue: 10_100, maxValue: 10_400 }
    expect(widenRange(above, minimumRange('money', 10_000))).toEqual({ minValue: 9_975, maxValue: 10_400 })
  })

  it('widens any range to contain both the data and the floor, and keeps the margins', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (low, width) => {
        const data = { minValue: low, maxValue: low + width }
        const floor = minimumRange('percent', 0)!
        const info = autoscaleWithFloor({ priceRange: data, margins: { above: 4, below: 2 } }, floor)!
        const range = info.priceRange!
        expect(range.minValue).toBeLessThanOrEqual(Math.min(data.minValue, floor.minValue))
        expect(range.maxValue).toBeGreaterThanOrEqual(Math.max(data.maxValue, floor.maxValue))
        expect(range.maxValue - range.minValue).toBeGreaterThanOrEqual(2 * MIN_HALF_RANGE_PCT)
        expect(info.margins).toEqual({ above: 4, below: 2 })
      }),
    )
  })

  it('falls back to the floor when the series has nothing visible, and to the library when there is no floor', () => {
    expect(autoscaleWithFloor(null, minimumRange('percent', 0))).toEqual({ priceRange: { minValue: -0.25, maxValue: 0.25 } })
    const original = { priceRange: { minValue: 1, maxValue: 2 } }
    expect(autoscaleWithFloor(original, null)).toEqual(original)
    expect(autoscaleWithFloor(null, null)).toBeNull()
  })

  it('centres Equity mode on the starting balance, or on the first funded point when that is unknown', () => {
    const equity = [{ equity: 0 }, { equity: 5_000 }, { equity: 5_100 }]
    expect(curveBaseline('percent', 10_000, equity)).toBe(0)
    expect(curveBaseline('money', 10_000, equity)).toBe(10_000)
    expect(curveBaseline('money', null, equity)).toBe(5_000)
    expect(curveBaseline('money', 0, [{ equity: 0 }])).toBeNull()
  })
})

describe('the arena chart labels', () => {
  it('never shows "-0.00%": a value that rounds to zero reads 0.00%', () => {
    expect(formatCurveValue('percent', -0.0002)).toBe('0.00%')
    expect(formatCurveValue('percent', -0.004)).toBe('0.00%')
    expect(formatCurveValue('percent', 0.004)).toBe('0.00%')
    expect(formatCurveValue('percent', 0)).toBe('0.00%')
    fc.assert(
      fc.property(fc.double({ min: -0.00499, max: 0.00499, noNaN: true }), (value) => {
        expect(formatCurveValue('percent', value)).toBe('0.00%')
      }),
    )
  })

  it('signs real moves with a plus or a real minus, to two decimals', () => {
    expect(formatCurveValue('percent', 0.25)).toBe('+0.25%')
    expect(formatCurveValue('percent', -0.05)).toBe('\u22120.05%')
    expect(formatCurveValue('percent', -12.345)).toBe('\u221212.35%')
  })

  it('shows equity with two decimals and grouping', () => {
    expect(formatCurveValue('money', 9_999.98)).toBe('9,999.98')
    expect(formatCurveValue('money', 10_025)).toBe('10,025.00')
    expect(formatCurveValue('money', -0.001)).toBe('0.00')
  })
})
