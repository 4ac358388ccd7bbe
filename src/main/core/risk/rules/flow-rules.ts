import type { OrderIntent } from '../../../../shared/domain/intent'
import type { RecentIntent } from '../context'
import { reason, show } from '../reasons'
import type { Rule } from './rule'

/**
 * Rate throttle and duplicate detection: the guards against a loop that
 * repeats itself, be it a model or a stuck button.
 */
export const flowRules: Rule = (a, out) => {
  orderRate(a, out)
  duplicate(a, out)
}

/**
 * At most `maxOrdersPerSecond` orders in a trailing second. A rate below one
 * per second widens the window instead (0.5 allows one order in any two
 * seconds). Kill-switch flattening is exempt: closing twenty positions at
 * once is exactly what it is for.
 */
const orderRate: Rule = (a, out) => {
  if (a.intent.origin.kind === 'kill_switch') return
  const rate = a.config.maxOrdersPerSecond
  const windowMs = 1000 * Math.max(1, 1 / rate)
  const allowed = Math.max(1, Math.floor((rate * windowMs) / 1000))
  const now = a.context.now
  let recent = 0
  for (const at of a.context.recentOrderTimestamps) if (at > now - windowMs && at <= now) recent++
  if (recent + 1 > allowed) {
    out.push(reason('order_rate_exceeded', `${recent} orders in the last ${show(windowMs)} ms; at most ${allowed} may be sent in that time`, allowed, recent + 1))
  }
}

/**
 * The same account, market, side, type, size and price within the window is
 * a duplicate. An entry with the intent's own id is the same proposal judged
 * again (after an approval, say), not a second order.
 */
const duplicate: Rule = (a, out) => {
  const window = a.config.duplicateWindowMs
  if (window <= 0) return
  const now = a.context.now
  for (const earlier of a.context.recentIntents) {
    if (earlier.id === a.intent.id || !(now - earlier.createdAt <= window) || !sameOrder(a.intent, earlier)) continue
    const ageMs = Math.max(0, now - earlier.createdAt)
    out.push(reason('duplicate_intent', `Same order as intent ${earlier.id} from ${show(ageMs)} ms ago; identical orders within ${show(window)} ms are refused`, window, ageMs))
    return
  }
}

function sameOrder(intent: OrderIntent, earlier: RecentIntent): boolean {
  return (
    earlier.accountId === intent.accountId &&
    earlier.symbol === intent.symbol &&
    earlier.side === intent.side &&
    earlier.type === intent.type &&
    nearlyEqual(earlier.amount, intent.amount) &&
    (intent.type === 'market' || (earlier.price === null ? intent.price === null : intent.price !== null && nearlyEqual(earlier.price, intent.price)))
  )
}

function nearlyEqual(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y))
}
