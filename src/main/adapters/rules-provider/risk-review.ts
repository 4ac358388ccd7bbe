import type { RoleContext } from '../../ports/model-client'
import { TraderDecisionSchema, type ProposedOrder, type RiskReview } from '../../../shared/domain/agents/role-outputs'
import type { AccountView, SymbolSnapshot } from '../../../shared/domain/agents/snapshot'
import { isPositiveFinite, show } from './numbers'
import { heldPosition } from './positions'
import { capList, clip } from './text'

/** The price an order is valued at: its limit, else the dearest of the touch it would take, the mark and the last price. */
function referencePrice(order: ProposedOrder, symbol: SymbolSnapshot): number {
  if (order.price !== null) return order.price
  const touch = order.side === 'buy' ? symbol.ask : symbol.bid
  return Math.max(symbol.last, ...[touch, symbol.mark].filter(isPositiveFinite))
}

/** The limits one order breaks, each as a sentence naming the value and the limit. */
function orderConcerns(order: ProposedOrder, snapshotSymbols: readonly SymbolSnapshot[], account: AccountView): string[] {
  const { limits } = account
  const label = `${order.side} ${show(order.size)} ${order.symbol}`
  const symbol = snapshotSymbols.find((s) => s.symbol === order.symbol && s.venue === order.venue)
  if (!symbol) return [`${label}: ${order.venue} ${order.symbol} is not in the snapshot, so its value cannot be checked`]
  const concerns: string[] = []
  const price = referencePrice(order, symbol)
  const notional = order.size * symbol.contractSize * price
  const held = heldPosition(account, order.symbol)
  if (order.reduceOnly) {
    const closesHeld = held !== null && (held.side === 'long') === (order.side === 'sell')
    if (!closesHeld) concerns.push(`${label}: reduce-only but there is no opposite position to reduce`)
    else if (order.size > held.contracts * (1 + 1e-9)) concerns.push(`${label}: reduce-only size is above the position of ${show(held.contracts)} contracts`)
  } else {
    if (!(notional <= limits.maxOrderNotional)) concerns.push(`${label}: value ${show(notional)} is above the max order ${show(limits.maxOrderNotional)}`)
    const sameSide = held !== null && (held.side === 'long') === (order.side === 'buy') ? held.contracts * symbol.contractSize * price : 0
    if (!(notional + sameSide <= limits.maxPositionNotional)) {
      concerns.push(`${label}: position would reach ${show(notional + sameSide)}, above the max position ${show(limits.maxPositionNotional)}`)
    }
  }
  if (order.leverage !== null && !(order.leverage <= limits.maxLeverage)) concerns.push(`${label}: leverage ${show(order.leverage)}x is above the max ${show(limits.maxLeverage)}x`)
  if (order.price !== null) {
    const mark = isPositiveFinite(symbol.mark) ? symbol.mark : symbol.last
    const distancePct = (Math.abs(order.price - mark) / mark) * 100
    if (!(distancePct <= limits.priceBandPct)) concerns.push(`${label}: limit ${show(order.price)} is ${show(distancePct)}% from the mark ${show(mark)}, outside the ${show(limits.priceBandPct)}% band`)
  }
  const protectsBelow = order.side === 'buy'
  if (order.stopLoss !== null && (order.stopLoss < price) !== protectsBelow) concerns.push(`${label}: stop loss ${show(order.stopLoss)} is on the wrong side of ${show(price)}`)
  if (order.takeProfit !== null && (order.takeProfit > price) !== protectsBelow) concerns.push(`${label}: take profit ${show(order.takeProfit)} is on the wrong side of ${show(price)}`)
  return concerns
}

/**
 * The risk officer's review of the trader's decision against the account's
 * limits. It approves unless an order breaks one; it cannot add or change
 * orders. A trader answer that does not parse is vetoed: what cannot be
 * read cannot be approved.
 */
export function riskReview(context: RoleContext): RiskReview {
  const upstream = context.upstream.trader
  if (upstream === undefined) return { verdict: 'approve', concerns: [], summary: 'No trader decision this cycle; nothing to review.' }
  const parsed = TraderDecisionSchema.safeParse(upstream)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'the decision'
    return { verdict: 'veto', concerns: [clip(`The trader's decision does not match its schema at ${where}: ${issue?.message ?? 'invalid'}`, 400)], summary: 'Vetoed: the trader decision could not be read.' }
  }
  const decision = parsed.data
  const concerns = decision.orders.flatMap((order) => orderConcerns(order, context.snapshot.symbols, context.account))
  if (decision.intent === 'hold' && decision.orders.length > 0) concerns.push(`The intent is hold but the decision carries ${decision.orders.length} orders`)
  if (decision.intent !== 'hold' && decision.orders.length === 0) concerns.push(`The intent is ${decision.intent} but the decision carries no orders`)
  const { limits } = context.account
  const limitsText = `max order ${show(limits.maxOrderNotional)}, max position ${show(limits.maxPositionNotional)}, max leverage ${show(limits.maxLeverage)}x`
  if (concerns.length === 0) {
    return { verdict: 'approve', concerns: [], summary: clip(`Approved ${decision.orders.length} orders (${decision.intent}) within the limits: ${limitsText}.`, 1200) }
  }
  return { verdict: 'veto', concerns: capList(concerns, 8, 400), summary: clip(`Vetoed: ${concerns.length} breaches of the limits (${limitsText}).`, 1200) }
}
