/** The portfolio: balances, positions and PnL derived from venue fills. Import from here, not from the files. */
export { createPortfolio, type EquityCurveView, type Portfolio } from './portfolio'
export { createEquityCurve, type DailyDrawdown, type Drawdown, type EquityCurve, type EquityCurveOptions, type EquityPoint } from './equity-curve'
export { reconcileBalances, reconcilePositions } from './reconciliation'
export type { BalanceComparison, BalanceDifference, PositionDifference, PositionDifferenceKind, PositionFacts, PositionTolerance } from './reconciliation'
export { applyTrade, unrealizedPnlOf, type NetPosition, type TradeOutcome, type TradeRules } from './position-math'
export { fundingAmount } from './funding'
export { dayStartOf, DAY_MS } from './day-boundary'
export { MONEY_DECIMALS, roundMoney } from './money'
export type { RoundTrip, RoundTripStats } from './round-trips'
export type {
  AccountSnapshot,
  CashAdjustment,
  CurrencyView,
  FillResult,
  FundingPayment,
  MarkInput,
  OpenAccountInput,
  PortfolioOptions,
  PortfolioSnapshot,
  PositionView,
} from './types'
