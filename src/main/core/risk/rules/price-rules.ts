import { isOnStep } from '../../../../shared/market/precision'
import { isPositiveFinite, reason, show, showPct } from '../reasons'
import type { Rule } from './rule'

/**
 * A limit order needs a real price on the tick and within the band around
 * the mark; protective prices must be real and on the protective side of the
 * entry. The band applies to risk-reducing orders too: dumping a position far
 * through the mark is a fat finger, not a reduction.
 */
export const priceRules: Rule = (a, out) => {
  const { intent, instrument, config } = a
  const price = intent.price
  if (intent.type === 'limit' && price === null) {
    out.push(reason('invalid_price', 'A limit order needs a price; received none'))
  } else if (price !== null && !isPositiveFinite(price)) {
    out.push(reason('invalid_price', `Price must be a finite number above zero; received ${show(price)}`, null, price))
  }
  const limit = a.limitPrice
  if (limit !== null && instrument && !isOnStep(limit, instrument.tickSize)) {
    out.push(reason('invalid_price', `Price ${show(limit)} is not on the tick ${show(instrument.tickSize)} of ${intent.symbol}`, instrument.tickSize, limit))
  }
  if (limit !== null && a.markPrice !== null) {
    const deviationPct = (Math.abs(limit - a.markPrice) / a.markPrice) * 100
    if (deviationPct > config.priceBandPct) {
      out.push(reason('price_outside_band', `Price ${show(limit)} is ${showPct(deviationPct)} from the mark ${show(a.markPrice)}; the band is ${showPct(config.priceBandPct)}`, config.priceBandPct, deviationPct))
    }
  }
  protectivePrice(a, 'stopLoss', out)
  protectivePrice(a, 'takeProfit', out)
}

// A buy's stop sits below its entry and its target above; a sell's the other way round.
function protectivePrice(a: Parameters<Rule>[0], field: 'stopLoss' | 'takeProfit', out: Parameters<Rule>[1]): void {
  const value = a.intent[field]
  const label = field === 'stopLoss' ? 'Stop loss' : 'Take profit'
  if (value === null) return
  if (!isPositiveFinite(value)) {
    out.push(reason('invalid_price', `${label} must be a finite number above zero; received ${show(value)}`, null, value))
    return
  }
  const entry = a.valuationPrice
  if (entry === null) return
  const mustBeBelow = (a.intent.side === 'buy') === (field === 'stopLoss')
  if (mustBeBelow ? value >= entry : value <= entry) {
    out.push(reason('invalid_price', `${label} ${show(value)} is on the wrong side of the ${a.intent.side} entry ${show(entry)}; it must be ${mustBeBelow ? 'below' : 'above'} it`, entry, value))
  }
}
