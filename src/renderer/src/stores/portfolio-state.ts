import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { Position } from '../../../shared/domain/order'

// Pure portfolio arithmetic for the Monitor page, unit-tested under Node.

export interface CurrencyTotals {
  currency: string
  equity: number
  dayPnl: number
  totalPnl: number
  unrealizedPnl: number
}

export interface EquityPoint {
  at: number
  equity: number
}

/** Equity and PnL summed per currency: a USDT and a USD account are never added together. */
export function totalsByCurrency(accounts: readonly AccountPortfolio[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>()
  for (const a of accounts) {
    const t = byCurrency.get(a.currency) ?? { currency: a.currency, equity: 0, dayPnl: 0, totalPnl: 0, unrealizedPnl: 0 }
    t.equity += a.equity
    t.dayPnl += a.dayPnl
    t.totalPnl += a.totalPnl
    t.unrealizedPnl += a.unrealizedPnl
    byCurrency.set(a.currency, t)
  }
  return [...byCurrency.values()].sort((x, y) => x.currency.localeCompare(y.currency))
}

/** A new point for a curve, or the same array when it adds nothing (older, or the same equity at the same time). */
export function appendEquityPoint(curve: readonly EquityPoint[], point: EquityPoint): readonly EquityPoint[] {
  const last = curve.at(-1)
  if (last && point.at < last.at) return curve
  if (last && point.at === last.at) return last.equity === point.equity ? curve : [...curve.slice(0, -1), point]
  return [...curve, point]
}

export interface PositionRow {
  accountId: string
  position: Position
}

/** Every open position across accounts, largest margin first so what matters most is on top. */
export function positionRows(accounts: readonly AccountPortfolio[], accountId: string | null = null): PositionRow[] {
  return accounts
    .filter((a) => accountId === null || a.accountId === accountId)
    .flatMap((a) => a.positions.map((position) => ({ accountId: a.accountId, position })))
    .sort((x, y) => y.position.margin - x.position.margin)
}
