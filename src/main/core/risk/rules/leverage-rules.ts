import { reason, show } from '../reasons'
import type { Rule } from './rule'

/**
 * A requested leverage must be a real number of at least 1, within the desk's
 * cap and the market's own maximum; spot has no leverage at all. It is
 * checked on every order, reducing or not, since the setting outlives it.
 */
export const leverageRules: Rule = (a, out) => {
  const leverage = a.intent.leverage
  if (leverage === null) return
  if (!Number.isFinite(leverage) || leverage < 1) {
    // No dedicated code for a malformed leverage yet; the message says which case it is.
    out.push(reason('leverage_above_cap', `Leverage must be a finite number of at least 1; received ${show(leverage)}`, null, leverage))
    return
  }
  if (leverage > a.config.maxLeverage) {
    out.push(reason('leverage_above_cap', `Leverage ${show(leverage)}x is above the desk cap ${show(a.config.maxLeverage)}x`, a.config.maxLeverage, leverage))
  }
  const instrument = a.instrument
  if (!instrument) return
  const marketMax = instrument.type === 'spot' ? 1 : instrument.maxLeverage
  if (marketMax !== null && leverage > marketMax) {
    out.push(reason('leverage_above_cap', `Leverage ${show(leverage)}x is above the ${show(marketMax)}x that ${a.intent.symbol} allows`, marketMax, leverage))
  }
}
