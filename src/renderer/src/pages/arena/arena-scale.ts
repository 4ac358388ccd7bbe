import type { AutoscaleInfo, PriceRange } from 'lightweight-charts'
import { formatMoney } from '../../format/numbers'
import { formatSignedPct } from './format-arena'

// How the Arena chart's price axis is scaled and labelled. Pure, so the
// rules are unit-tested under Node; arena-chart.ts hands them to the library.

export type CurveUnit = 'money' | 'percent'

/**
 * The smallest half-range the axis shows around a curve's start, in percent.
 * A pilot that paid a 0.02 USDT fee on 10,000 has moved 0.0002%: autoscaled
 * to its own data, that flat line fills the chart top to bottom and reads as
 * a crash. With the floor it stays a flat line near zero, as it is.
 */
export const MIN_HALF_RANGE_PCT = 0.25

/** Decimals of the axis and last-value labels; the floor's ticks (0.05% or 5 USDT steps) need no more. */
export const CURVE_DECIMALS = 2

/** The library's step of prices: one unit of the last decimal shown. */
export const CURVE_MIN_MOVE = 10 ** -CURVE_DECIMALS

/**
 * The range the axis always shows for a curve that started at `baseline`:
 * ±0.25 points around it in Return % (the baseline is 0 there), ±0.25% of it
 * in Equity. A baseline of zero or below (an account not funded yet) has no
 * scale of its own, so it gets no floor.
 */
export function minimumRange(unit: CurveUnit, baseline: number): PriceRange | null {
  if (!Number.isFinite(baseline)) return null
  switch (unit) {
    case 'percent':
      return { minValue: baseline - MIN_HALF_RANGE_PCT, maxValue: baseline + MIN_HALF_RANGE_PCT }
    case 'money': {
      if (baseline <= 0) return null
      const half = (baseline * MIN_HALF_RANGE_PCT) / 100
      return { minValue: baseline - half, maxValue: baseline + half }
    }
    default: {
      const never: never = unit
      throw new Error(`Unknown curve unit ${String(never)}`)
    }
  }
}

/** The data's own range widened to cover the floor; either may be missing (no visible data, no floor). */
export function widenRange(range: PriceRange | null, floor: PriceRange | null): PriceRange | null {
  if (!range) return floor
  if (!floor) return range
  return { minValue: Math.min(range.minValue, floor.minValue), maxValue: Math.max(range.maxValue, floor.maxValue) }
}

/**
 * What a series hands the price scale: the library's own autoscale with the
 * range widened to the floor, its margins kept. The scale joins every
 * series' answer, so each pilot's floor holds whatever the others do.
 */
export function autoscaleWithFloor(original: AutoscaleInfo | null, floor: PriceRange | null): AutoscaleInfo | null {
  const priceRange = widenRange(original?.priceRange ?? null, floor)
  if (!priceRange) return original
  return original?.margins ? { priceRange, margins: original.margins } : { priceRange }
}

/**
 * An axis or last-value label: "+0.12%" / "−0.40%" / "0.00%" in Return %,
 * "10,000.00" in Equity. A value that rounds to zero never shows as "-0.00%".
 */
export function formatCurveValue(unit: CurveUnit, value: number): string {
  return unit === 'percent' ? formatSignedPct(value, CURVE_DECIMALS) : formatMoney(value, CURVE_DECIMALS)
}

/**
 * Where a pilot's curve starts, as `minimumRange` takes it: 0 in Return %,
 * and in Equity the starting balance, or the first funded point of a curve
 * whose starting balance is unknown. Null when there is nothing to centre on.
 */
export function curveBaseline(unit: CurveUnit, startingEquity: number | null | undefined, equity: readonly { equity: number }[]): number | null {
  if (unit === 'percent') return 0
  if (startingEquity != null && Number.isFinite(startingEquity) && startingEquity > 0) return startingEquity
  return equity.find((point) => Number.isFinite(point.equity) && point.equity > 0)?.equity ?? null
}
