import type { Assessment } from './assessment'

/**
 * Whether an acceptable intent is risky enough to need two approvals: a large
 * order, or a leverage raised above the market's current setting (an unknown
 * current setting counts as 1x). A kill-switch flatten never waits for a
 * person: it is the person's own emergency action.
 */
export function needsApproval(a: Assessment): boolean {
  if (a.intent.origin.kind === 'kill_switch' && a.reducing) return false
  if (a.notional !== null && a.notional > a.config.approvalNotional) return true
  const requested = a.intent.leverage
  return requested !== null && requested > (a.context.currentLeverage ?? 1)
}
