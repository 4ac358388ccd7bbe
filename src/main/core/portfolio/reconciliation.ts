import type { Balance, Position } from '../../../shared/domain/order'
import { roundMoney } from './money'
import type { CurrencyView, PositionView } from './types'

export interface PositionFacts {
  side: 'long' | 'short'
  contracts: number
  entryPrice: number
}

export type PositionDifferenceKind = 'missing_on_venue' | 'unknown_locally' | 'side' | 'size' | 'entry_price'

/** One way the portfolio and the venue disagree about a position; `message` says it for people. */
export interface PositionDifference {
  symbol: string
  kind: PositionDifferenceKind
  local: PositionFacts | null
  venue: PositionFacts | null
  message: string
}

export interface PositionTolerance {
  /** Size difference ignored, in contracts; 1e-9 by default (float noise only: sizes are whole steps). */
  contracts?: number
  /** Entry price difference ignored, in percent of the venue's; 0.001 by default (venues round their average). */
  entryPricePct?: number
}

const factsOf = (p: { side: 'long' | 'short'; contracts: number; entryPrice: number }): PositionFacts => ({ side: p.side, contracts: p.contracts, entryPrice: p.entryPrice })

/**
 * Compares the portfolio's derivative positions of one account with the
 * venue's `positions()` answer. Spot holdings are left out: venues report
 * them as balances, not positions. Sorted by symbol, so a report is stable.
 */
export function reconcilePositions(local: readonly PositionView[], venue: readonly Position[], tolerance: PositionTolerance = {}): PositionDifference[] {
  const sizeTolerance = tolerance.contracts ?? 1e-9
  const priceTolerancePct = tolerance.entryPricePct ?? 0.001
  const ours = new Map(local.filter((p) => p.type !== 'spot').map((p) => [p.symbol, factsOf(p)]))
  const theirs = new Map(venue.map((p) => [p.symbol, factsOf(p)]))
  const differences: PositionDifference[] = []
  for (const symbol of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
    const a = ours.get(symbol) ?? null
    const b = theirs.get(symbol) ?? null
    const add = (kind: PositionDifferenceKind, message: string): void => void differences.push({ symbol, kind, local: a, venue: b, message })
    if (a && !b) add('missing_on_venue', `${symbol}: we hold ${a.side} ${a.contracts} contracts, the venue reports no position`)
    else if (!a && b) add('unknown_locally', `${symbol}: the venue reports ${b.side} ${b.contracts} contracts that no fill we booked explains`)
    else if (a && b && a.side !== b.side) add('side', `${symbol}: we are ${a.side}, the venue says ${b.side}`)
    else if (a && b) {
      if (Math.abs(a.contracts - b.contracts) > sizeTolerance) add('size', `${symbol}: we hold ${a.contracts} contracts, the venue ${b.contracts}`)
      const pct = (Math.abs(a.entryPrice - b.entryPrice) / b.entryPrice) * 100
      if (pct > priceTolerancePct) add('entry_price', `${symbol}: our entry is ${a.entryPrice}, the venue's ${b.entryPrice} (${pct.toFixed(4)} % apart, tolerance ${priceTolerancePct} %)`)
    }
  }
  return differences
}

export interface BalanceDifference {
  currency: string
  local: number
  venue: number
  /** local - venue. */
  difference: number
  message: string
}

export interface BalanceComparison {
  /**
   * Which local figure the venue's `total` means: 'equity' for venues that
   * report wallet plus unrealized PnL (OKX's eq, the simulated exchange),
   * 'balance' for those that report cash only.
   */
  compare: 'equity' | 'balance'
  /**
   * Absolute difference ignored: one figure for every currency, or one per
   * currency (others get 0.01). 0.01 (a cent) by default, which is far too
   * loose for a coin: give BTC its own.
   */
  tolerance?: number | Readonly<Record<string, number>>
}

/** Compares one account's money per currency with the venue's balances; a currency missing on one side counts as 0. */
export function reconcileBalances(local: readonly CurrencyView[], venue: readonly Balance[], comparison: BalanceComparison): BalanceDifference[] {
  const given = comparison.tolerance ?? 0.01
  const toleranceOf = (currency: string): number => (typeof given === 'number' ? given : (given[currency] ?? 0.01))
  const ours = new Map(local.map((c) => [c.currency, c[comparison.compare]]))
  const theirs = new Map(venue.map((b) => [b.currency, b.total]))
  const differences: BalanceDifference[] = []
  for (const currency of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
    const a = ours.get(currency) ?? 0
    const b = theirs.get(currency) ?? 0
    const difference = roundMoney(a - b)
    if (Math.abs(difference) > toleranceOf(currency)) {
      differences.push({ currency, local: a, venue: b, difference, message: `${currency}: our ${comparison.compare} is ${a}, the venue reports ${b} (${difference > 0 ? '+' : ''}${difference})` })
    }
  }
  return differences
}
