import type { BreakerState } from '../../../../shared/domain/risk'
import type { BreakerScopes } from '../context'
import { reason } from '../reasons'
import type { Rule } from './rule'

/**
 * Breakers gate by scope, the worst scope winning. A halted scope refuses
 * everything but a kill-switch flatten (which must itself reduce risk: a
 * kill switch never opens exposure). A reducing scope refuses anything that
 * does not reduce risk.
 */
export const breakerRules: Rule = (a, out) => {
  const halted = scopesIn(a.context.breakers, 'halted')
  if (halted.length > 0) {
    if (a.intent.origin.kind === 'kill_switch' && a.reducing) return
    const detail = a.intent.origin.kind === 'kill_switch' ? 'kill-switch orders pass only when they reduce a position' : 'only kill-switch flattening may trade'
    out.push(reason('breaker_halted', `Trading is halted (${halted.join(', ')}); ${detail} until a person lifts the halt`))
    return
  }
  const reducing = scopesIn(a.context.breakers, 'reducing')
  if (reducing.length > 0 && !a.reducing) {
    out.push(reason('breaker_reducing', `Breaker in reducing mode (${reducing.join(', ')}): only orders that reduce an existing position are allowed`))
  }
}

function scopesIn(scopes: BreakerScopes, state: BreakerState): string[] {
  const names: string[] = []
  if (scopes.desk === state) names.push('desk')
  if (scopes.account === state) names.push('account')
  if (scopes.pilot === state) names.push('pilot')
  return names
}
