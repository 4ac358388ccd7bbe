import { reason, show, showPct } from '../reasons'
import type { Rule } from './rule'

/**
 * Slippage estimated by walking the visible book: the average price of what
 * fills at once against the mid. A market order larger than the visible book
 * has no bound on its price at all, so it is refused as well.
 */
export const slippageRules: Rule = (a, out) => {
  const walk = a.walk
  if (!walk) return
  const tolerance = a.config.slippageTolerancePct
  if (walk.slippagePct !== null && walk.slippagePct > tolerance) {
    out.push(reason('slippage_above_tolerance', `Estimated slippage ${showPct(walk.slippagePct)} (average ${show(walk.averagePrice ?? NaN)} against ${show(walk.referencePrice ?? NaN)}) is above the tolerance ${showPct(tolerance)}`, tolerance, walk.slippagePct))
  }
  if (a.intent.type === 'market' && walk.fillShare < 1) {
    out.push(reason('slippage_above_tolerance', `The visible book fills only ${showPct(walk.fillShare * 100)} of this market order; the rest would sweep beyond the last visible level`, tolerance, walk.slippagePct))
  }
}
