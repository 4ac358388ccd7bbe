import type { Assessment } from '../assessment'
import { reason, show, showPct } from '../reasons'
import type { Rule } from './rule'

/**
 * Caps on what an order adds: its own notional (absolute and as a share of
 * equity), the resulting position in its market, the account's gross
 * exposure, and the account's effective leverage. None applies to an order
 * that reduces a position: it only ever lowers these figures, and a flatten
 * must not be refused for being large.
 */
export const exposureRules: Rule = (a, out) => {
  const notional = a.notional
  if (a.reducing || notional === null) return
  const { config, context, intent } = a
  if (notional > config.maxOrderNotional) {
    out.push(reason('notional_above_cap', `Order value ${show(notional)} is above the cap ${show(config.maxOrderNotional)}`, config.maxOrderNotional, notional))
  }
  const equity = Number.isFinite(context.equity) ? Math.max(0, context.equity) : 0
  const equityCap = (equity * config.maxOrderEquityPct) / 100
  if (notional > equityCap) {
    out.push(reason('notional_above_equity_share', `Order value ${show(notional)} is above ${showPct(config.maxOrderEquityPct)} of equity ${show(equity)} (${show(equityCap)})`, equityCap, notional))
  }
  const { position, gross } = exposureAfter(a, notional)
  if (position > config.maxPositionNotional) {
    out.push(reason('position_above_cap', `Position in ${intent.symbol} would reach ${show(position)} counting working orders; the cap is ${show(config.maxPositionNotional)}`, config.maxPositionNotional, position))
  }
  if (gross > config.maxGrossExposure) {
    out.push(reason('gross_exposure_above_cap', `Gross exposure would reach ${show(gross)} counting working orders; the cap is ${show(config.maxGrossExposure)}`, config.maxGrossExposure, gross))
  }
  if (equity > 0 && gross / equity > config.maxLeverage) {
    const effective = gross / equity
    out.push(reason('leverage_above_cap', `Account leverage would reach ${show(effective)}x (gross ${show(gross)} on equity ${show(equity)}); the cap is ${show(config.maxLeverage)}x`, config.maxLeverage, effective))
  }
}

/**
 * Worst-case exposure once the order fills. The market's position counts the
 * working orders on the order's side as filled too, so many small orders
 * cannot together slip past the cap; gross counts every working order.
 */
export function exposureAfter(a: Assessment, notional: number): { position: number; gross: number } {
  const { context, intent } = a
  const direction = intent.side === 'buy' ? 1 : -1
  let signed = 0
  let grossOthers = 0
  for (const p of context.positions) {
    const value = Number.isFinite(p.notional) ? Math.abs(p.notional) : 0
    if (p.symbol === intent.symbol) signed += p.side === 'long' ? value : -value
    else grossOthers += value
  }
  let pendingSameSide = 0
  let working = 0
  for (const o of context.openOrders) {
    const value = Number.isFinite(o.notional) ? Math.abs(o.notional) : 0
    working += value
    if (o.symbol === intent.symbol && o.side === intent.side) pendingSameSide += value
  }
  const position = Math.abs(signed + direction * (pendingSameSide + notional))
  const gross = grossOthers + Math.abs(signed + direction * notional) + working
  return { position, gross }
}
