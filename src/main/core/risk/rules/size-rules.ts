import { isOnStep } from '../../../../shared/market/precision'
import { reason, show } from '../reasons'
import type { Rule } from './rule'

// Comparisons against venue limits forgive float dust (0.1 + 0.2 vs 0.3).
const TOLERANCE = 1e-9

/**
 * The size must be a real, countable number on the market's step and within
 * its minimum and maximum (and minimum notional, when the venue has one).
 * Size checks that need the market are skipped when the market is unknown:
 * `unknown_symbol` already says why.
 */
export const sizeRules: Rule = (a, out) => {
  const { intent, instrument } = a
  const amount = intent.amount
  if (!a.sizeUsable) {
    out.push(reason('invalid_size', `Size must be a finite number above zero and within any venue's range; received ${show(amount)}`, null, amount))
    return
  }
  if (a.notional === null && a.valuationPrice !== null) {
    out.push(reason('invalid_size', `Size ${show(amount)} at ${show(a.valuationPrice)} is too large to value`, null, amount))
  }
  if (!instrument) return
  // Below one step the size rounds to nothing, which isOnStep would call "on the step".
  if (amount < instrument.stepSize * (1 - TOLERANCE)) {
    out.push(reason('invalid_size', `Size ${show(amount)} is less than one step ${show(instrument.stepSize)} on ${intent.symbol}`, instrument.stepSize, amount))
  } else if (!isOnStep(amount, instrument.stepSize)) {
    out.push(reason('invalid_size', `Size ${show(amount)} is not a multiple of the step ${show(instrument.stepSize)} on ${intent.symbol}`, instrument.stepSize, amount))
  }
  if (instrument.minSize > 0 && amount < instrument.minSize * (1 - TOLERANCE)) {
    out.push(reason('size_below_minimum', `Size ${show(amount)} is below the minimum ${show(instrument.minSize)} on ${intent.symbol}`, instrument.minSize, amount))
  }
  if (instrument.maxSize !== null && amount > instrument.maxSize * (1 + TOLERANCE)) {
    out.push(reason('size_above_maximum', `Size ${show(amount)} is above the maximum ${show(instrument.maxSize)} on ${intent.symbol}`, instrument.maxSize, amount))
  }
  const minNotional = instrument.minNotional
  if (minNotional !== null && minNotional > 0 && a.notional !== null && a.notional < minNotional * (1 - TOLERANCE)) {
    out.push(reason('size_below_minimum', `Order value ${show(a.notional)} is below the minimum order value ${show(minNotional)} on ${intent.symbol}`, minNotional, a.notional))
  }
}
