import type { AccountView, SymbolSnapshot } from '../../../shared/domain/agents/snapshot'
import { floorToStep, isPositiveFinite, show } from './numbers'

/**
 * The share of equity one rules order may be worth. The default risk limits
 * allow 1 % of equity per order; staying at 0.8 % keeps a small margin for
 * the price moving between the decision and the check.
 */
export const EQUITY_SHARE_PER_ORDER = 0.008

export type SizingResult = { readonly ok: true; readonly size: number; readonly notional: number } | { readonly ok: false; readonly reason: string }

/**
 * The largest order value the limits and the account allow for one new
 * position: the order cap, the equity share, the position cap and what is
 * available, whichever is smallest.
 */
export function orderBudget(account: AccountView): number {
  const { limits } = account
  const caps = [limits.maxOrderNotional, EQUITY_SHARE_PER_ORDER * account.equity, limits.maxPositionNotional, account.available]
  return caps.every((cap) => Number.isFinite(cap)) ? Math.max(0, Math.min(...caps)) : 0
}

/**
 * Contracts to open at price: the budget converted with the contract size,
 * rounded down to the amount step (never up: rounding up could breach the
 * cap), refused when that is below the venue's minimum.
 */
export function sizeNewPosition(symbol: SymbolSnapshot, price: number, account: AccountView): SizingResult {
  const budget = orderBudget(account)
  if (!(budget > 0)) return { ok: false, reason: `no order budget (equity ${show(account.equity)}, available ${show(account.available)}, max order ${show(account.limits.maxOrderNotional)})` }
  const contractValue = price * symbol.contractSize
  if (!isPositiveFinite(contractValue) || !isPositiveFinite(symbol.amountStep)) return { ok: false, reason: 'no usable contract value or amount step' }
  let size = floorToStep(budget / contractValue, symbol.amountStep)
  // The float forgiveness in floorToStep may land one step over the budget.
  if (size * contractValue > budget) size = floorToStep(size - symbol.amountStep, symbol.amountStep)
  // Past 2^53 steps, step arithmetic stops being exact and the risk engine refuses the size as garbage.
  if (size / symbol.amountStep > Number.MAX_SAFE_INTEGER) return { ok: false, reason: `${show(size)} contracts is too many to count in steps of ${show(symbol.amountStep)}` }
  if (!(size > 0) || size < symbol.minAmount) {
    return { ok: false, reason: `budget ${show(budget)} buys ${show(size)} contracts, below the minimum ${show(Math.max(symbol.minAmount, symbol.amountStep))}` }
  }
  return { ok: true, size, notional: size * contractValue }
}
