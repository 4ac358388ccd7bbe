import type { OrderSide } from '../../../shared/domain/order'
import { roundToStep } from '../../../shared/market/precision'
import { roundMoney } from './money'

/** A net (one-way mode) position: positive contracts long, negative short, 0 flat (entry 0 then). */
export interface NetPosition {
  readonly contracts: number
  readonly entryPrice: number
}

export const FLAT: NetPosition = { contracts: 0, entryPrice: 0 }

export interface TradeOutcome {
  position: NetPosition
  /** PnL of the closed part against the entry, rounded to 1e-8, in the PnL currency. */
  realizedPnl: number
  /** Contracts that closed existing exposure. */
  closed: number
  /** Contracts that opened or added exposure (the rest of a flip included). */
  opened: number
  /** Spot only: size sold beyond what fills had bought, which has no cost basis and changes nothing. */
  untracked: number
}

export interface TradeRules {
  contractSize: number
  /** Size step: sizes are cut to it so 0.1 + 0.2 contracts is 0.3 and a close is exactly flat. */
  stepSize: number
  /** False for spot: a holding never goes below zero (a sale of coins held before is not a short). */
  allowShort: boolean
}

/**
 * One fill applied to a net position, the same arithmetic as the venue's
 * (and the simulated exchange's positions.ts, which the cross-check test
 * holds us to): adding makes the entry the size-weighted average; reducing
 * realizes (price - entry) x closed x direction x contract size and keeps the
 * entry; a flip closes the whole position, then opens the rest at the fill price.
 */
export function applyTrade(position: NetPosition, side: OrderSide, price: number, amount: number, rules: TradeRules): TradeOutcome {
  const signed = side === 'buy' ? amount : -amount
  const held = position.contracts
  if (held === 0 || Math.sign(held) === Math.sign(signed)) {
    if (!rules.allowShort && signed < 0) return { position, realizedPnl: 0, closed: 0, opened: 0, untracked: amount }
    const next = roundToStep(held + signed, rules.stepSize)
    if (next === 0) return { position: FLAT, realizedPnl: 0, closed: 0, opened: 0, untracked: 0 }
    const entryPrice = (Math.abs(held) * position.entryPrice + amount * price) / Math.abs(next)
    return { position: { contracts: next, entryPrice }, realizedPnl: 0, closed: 0, opened: amount, untracked: 0 }
  }
  const closed = Math.min(amount, Math.abs(held))
  const realizedPnl = roundMoney((price - position.entryPrice) * closed * Math.sign(held) * rules.contractSize)
  const rest = roundToStep(amount - closed, rules.stepSize)
  if (rest <= 0) {
    const next = roundToStep(held + signed, rules.stepSize)
    const after = next === 0 ? FLAT : { contracts: next, entryPrice: position.entryPrice }
    return { position: after, realizedPnl, closed, opened: 0, untracked: 0 }
  }
  if (!rules.allowShort) return { position: FLAT, realizedPnl, closed, opened: 0, untracked: rest }
  return { position: { contracts: Math.sign(signed) * rest, entryPrice: price }, realizedPnl, closed, opened: rest, untracked: 0 }
}

/** Unrealized PnL of a linear position at `markPrice`, in its PnL currency (not rounded: a valuation, not a booking). */
export function unrealizedPnlOf(position: NetPosition, markPrice: number, contractSize: number): number {
  return (markPrice - position.entryPrice) * position.contracts * contractSize
}
