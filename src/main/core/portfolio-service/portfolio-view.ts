import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { Position } from '../../../shared/domain/order'
import type { BreakerState } from '../../../shared/domain/risk'
import type { AccountSnapshot, CurrencyView, PositionView } from '../portfolio'

/**
 * One account's portfolio as the contract shows it, in the account's own
 * currency (other currencies it holds show in the totals). `available` is the
 * cash balance less any unrealized loss: the portfolio does not track the
 * venue's margin, so this is what the account could lose before its cash is
 * touched, not the venue's free margin.
 */
export function toAccountPortfolio(snapshot: AccountSnapshot, currency: string, breaker: BreakerState, at: number, leverageOf: (symbol: string) => number | null = () => null): AccountPortfolio {
  const view = snapshot.currencies.find((c) => c.currency === currency) ?? null
  return {
    accountId: snapshot.accountId,
    currency,
    equity: view?.equity ?? 0,
    balance: view?.balance ?? 0,
    available: view ? view.balance + Math.min(0, view.unrealizedPnl) : 0,
    unrealizedPnl: view?.unrealizedPnl ?? 0,
    realizedPnl: view?.realizedPnl ?? 0,
    dayPnl: view?.dayPnl ?? 0,
    totalPnl: view?.totalPnl ?? 0,
    fees: view?.fees ?? 0,
    funding: view?.funding ?? 0,
    leverage: view?.leverage ?? 0,
    maxDrawdownPct: view?.maxDrawdown.pct ?? 0,
    breaker,
    positions: snapshot.positions.filter((p) => p.contracts > 0 && p.entryPrice > 0).map((p) => toPosition(p, leverageOf(p.symbol))),
    at,
  }
}

/**
 * A position in the contract's shape. Leverage is the one we set on the
 * symbol, when we set one; otherwise 1, as the risk engine assumes, so the
 * margin shown (notional / leverage) errs on the high side. The liquidation
 * price is the venue's to say.
 */
export function toPosition(view: PositionView, setLeverage: number | null): Position {
  const leverage = setLeverage !== null && setLeverage > 0 && Number.isFinite(setLeverage) ? setLeverage : 1
  return {
    venue: view.venue,
    symbol: view.symbol,
    side: view.side,
    contracts: view.contracts,
    entryPrice: view.entryPrice,
    markPrice: view.markPrice !== null && view.markPrice > 0 ? view.markPrice : null,
    unrealizedPnl: view.unrealizedPnl,
    leverage,
    margin: Math.max(0, view.notional / leverage),
    liquidationPrice: null,
  }
}

export function toTotal(view: CurrencyView): { currency: string; equity: number; dayPnl: number; totalPnl: number; unrealizedPnl: number } {
  return { currency: view.currency, equity: view.equity, dayPnl: view.dayPnl, totalPnl: view.totalPnl, unrealizedPnl: view.unrealizedPnl }
}
