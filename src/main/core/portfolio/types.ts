import type { AccountId } from '../../../shared/domain/account'
import type { MarketType, MarketSymbol, VenueId } from '../../../shared/domain/market'
import type { Drawdown } from './equity-curve'
import type { RoundTrip, RoundTripStats } from './round-trips'

export interface PortfolioOptions {
  /** Trading days start at UTC midnight plus this offset (see day-boundary.ts); 0 by default. */
  dayBoundaryOffsetMs?: number
  /** Equity curves store at most one point per this many ms; 60,000 by default. */
  curveIntervalMs?: number
  /** Stored points per curve before it thins itself; 10,000 by default. */
  curveMaxPoints?: number
}

export interface OpenAccountInput {
  accountId: AccountId
  venue: VenueId
  /** Cash per currency when tracking starts (the venue's balances, or a paper account's deposit). */
  startingBalances: Readonly<Record<string, number>>
  openedAt: number
}

/**
 * One funding settlement on one position, the shape the simulated exchange
 * reports (its AccountEvent 'funding'), so its events feed in unchanged.
 */
export interface FundingPayment {
  symbol: MarketSymbol
  currency: string
  rate: number
  markPrice: number
  /** Signed position at the funding time: positive long. */
  contracts: number
  /** Credited to the wallet: negative when the position paid. */
  amount: number
  fundingTime: number
}

/**
 * Cash that moved without a fill or funding. A 'transfer' is capital
 * (deposit positive, withdrawal negative): it changes equity, never PnL or
 * drawdown. A 'pnl' adjustment is a gain or loss, e.g. the deficit a venue's
 * insurance fund absorbed after a liquidation.
 */
export interface CashAdjustment {
  /** Unique per account: an adjustment seen twice is applied once. */
  id: string
  currency: string
  amount: number
  kind: 'transfer' | 'pnl'
  at: number
}

export type FillResult =
  | { applied: false; reason: 'duplicate' }
  | {
      applied: true
      /** PnL realized by this fill, in the position's PnL currency. */
      realizedPnl: number
      closed: number
      opened: number
      /** The round trip this fill completed (a close or a flip), if any. */
      roundTrip: RoundTrip | null
    }

/** A mark price for one symbol; MarkPrice from the market data port fits. */
export interface MarkInput {
  symbol: MarketSymbol
  markPrice: number
}

export interface PositionView {
  accountId: AccountId
  venue: VenueId
  symbol: MarketSymbol
  type: MarketType
  side: 'long' | 'short'
  /** Size in contracts (swap) or base units (spot), always positive. */
  contracts: number
  /** Base exposure: contracts x contract size, signed (negative short). */
  size: number
  entryPrice: number
  /** Null until a mark arrives; the position is then valued at its entry. */
  markPrice: number | null
  /** Settle currency (swap) or quote currency (spot): PnL, notional and fees are in it. */
  pnlCurrency: string
  /** |size| x (mark, else entry). */
  notional: number
  unrealizedPnl: number
  /** notional / the account's equity in the PnL currency; null when that equity is not positive. */
  leverageUsed: number | null
  /** Since the account opened, on this symbol. */
  realizedPnl: number
  fees: number
  funding: number
}

/** Money of one currency: of one account, or summed over all accounts (totals). */
export interface CurrencyView {
  currency: string
  starting: number
  transfers: number
  /** Derivatives' realized PnL plus spot positions' realized PnL against their cost. */
  realizedPnl: number
  fees: number
  funding: number
  otherPnl: number
  /** Cash balance (wallet): starting + transfers + realized - fees + funding + other PnL + spot flows. */
  balance: number
  /**
   * Spot holdings bought by fills, at cost: added to their quote currency,
   * taken out of their base currency, so a spot buy moves value instead of
   * looking like a loss of quote and a gain of base. 0 without spot.
   */
  spotAtCost: number
  unrealizedPnl: number
  /** balance + spotAtCost + unrealizedPnl (for USDT perpetuals: cash plus unrealized). */
  equity: number
  /** Sum of |notional| of the positions priced in this currency. */
  grossNotional: number
  /** grossNotional / equity; null when equity is not positive. */
  leverage: number | null
  dayStart: number
  dayOpenEquity: number
  /** equity - dayOpenEquity, transfers of the day excluded. */
  dayPnl: number
  /** equity - starting - transfers. */
  totalPnl: number
  drawdown: Drawdown
  maxDrawdown: Drawdown
  /** From the day's opening equity. */
  dailyDrawdown: Drawdown
}

export interface AccountSnapshot {
  accountId: AccountId
  venue: VenueId
  currencies: CurrencyView[]
  positions: PositionView[]
  roundTrips: RoundTripStats
}

export interface PortfolioSnapshot {
  at: number
  accounts: AccountSnapshot[]
  /** Per currency over all accounts; no conversion between currencies. */
  totals: CurrencyView[]
}
