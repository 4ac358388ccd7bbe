import type { OrderIntent } from '../../../shared/domain/intent'
import type { ExecutionEstimate, RiskConfig, RiskReason, RiskVerdict } from '../../../shared/domain/risk'
import { needsApproval } from './approval'
import { assess, type Assessment } from './assessment'
import { referenceOf } from './book-walk'
import type { RiskContext } from './context'
import { finiteOrNull } from './reasons'
import { accountRules } from './rules/account-rules'
import { breakerRules } from './rules/breaker-rules'
import { exposureRules } from './rules/exposure-rules'
import { flowRules } from './rules/flow-rules'
import { leverageRules } from './rules/leverage-rules'
import { marketDataRules } from './rules/market-data-rules'
import { priceRules } from './rules/price-rules'
import type { Rule } from './rules/rule'
import { sizeRules } from './rules/size-rules'
import { slippageRules } from './rules/slippage-rules'
import { symbolRules } from './rules/symbol-rules'

/** Every rule family, in the order their reasons are listed: who may trade, what, how big, how fast. */
const RULES: readonly Rule[] = [accountRules, breakerRules, symbolRules, sizeRules, priceRules, leverageRules, exposureRules, slippageRules, marketDataRules, flowRules]

/**
 * Judges one intent against the rules, from a frozen snapshot of the world.
 * Pure and deterministic: no clock, no I/O, the same inputs give the same
 * verdict. It never throws: a bug in one rule becomes a rejection saying so,
 * since an order must never pass because a check crashed. Every failing
 * check is listed, not just the first, and the execution estimate is filled
 * in for rejected intents too, as far as the data allows.
 */
export function evaluateIntent(intent: OrderIntent, context: RiskContext, config: RiskConfig): RiskVerdict {
  // The verdict's schema wants safe integers; a garbage clock or version must not make it unsendable.
  const evaluatedAt = Number.isSafeInteger(Math.trunc(context.now)) ? Math.trunc(context.now) : 0
  const configVersion = Number.isSafeInteger(config.version) && config.version >= 0 ? config.version : 0
  try {
    const a = assess(intent, context, config)
    const reasons: RiskReason[] = []
    for (const rule of RULES) rule(a, reasons)
    const accepted = reasons.length === 0
    return {
      intentId: String(intent.id),
      decision: accepted ? 'accept' : 'reject',
      reasons,
      estimate: estimateOf(a),
      needsApproval: accepted && needsApproval(a),
      configVersion,
      evaluatedAt,
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      intentId: String(intent?.id),
      decision: 'reject',
      // No dedicated code for an internal failure yet; the message says which case it is.
      reasons: [{ code: 'invalid_size', message: `The risk engine could not evaluate this intent (${message}); refused for safety`, limit: null, actual: null }],
      estimate: { notional: 0, referencePrice: null, averagePrice: null, slippagePct: null, fillProbability: null },
      needsApproval: false,
      configVersion,
      evaluatedAt,
    }
  }
}

function estimateOf(a: Assessment): ExecutionEstimate {
  const walk = a.walk
  const book = a.context.book
  const reference = walk ? walk.referencePrice : book ? referenceOf(book, a.intent.side) : null
  return {
    notional: a.notional ?? 0,
    referencePrice: finiteOrNull(reference ?? a.markPrice),
    averagePrice: finiteOrNull(walk ? walk.averagePrice : null),
    slippagePct: finiteOrNull(walk ? walk.slippagePct : null),
    fillProbability: walk ? walk.fillShare : null,
  }
}
