import type { AccountId, AccountMode } from '../../../shared/domain/account'
import type { BookLevel, Instrument, MarketSymbol, VenueId } from '../../../shared/domain/market'
import type { OrderSide, OrderType } from '../../../shared/domain/order'
import type { BreakerState } from '../../../shared/domain/risk'

/**
 * Everything the risk engine may know about the world when it judges one
 * intent, frozen by the caller. The engine reads nothing else (no clock, no
 * store, no venue), so the same snapshot always yields the same verdict and a
 * backtest judges exactly as live trading does.
 */
export interface RiskContext {
  /** The moment of evaluation; every age and window is measured from it. */
  readonly now: number
  /** The account the intent names, or null when the kernel does not know it. */
  readonly account: RiskAccount | null
  /** The intent's market, or null when the venue does not list the symbol. */
  readonly instrument: Instrument | null
  /** Every symbol the venue lists, to name the closest ones to a mistyped symbol. */
  readonly knownSymbols: readonly MarketSymbol[]
  /** Top levels of the intent's market, or null when no book has arrived. */
  readonly book: RiskBook | null
  readonly mark: RiskMark | null
  /** Account equity in the quote currency. */
  readonly equity: number
  /** Open positions of the account, every symbol. */
  readonly positions: readonly PositionExposure[]
  /** The account's working orders, every symbol. */
  readonly openOrders: readonly OpenOrderExposure[]
  /** The leverage currently set for the intent's market, when known. */
  readonly currentLeverage: number | null
  /** Intents of the account accepted recently, for duplicate detection. */
  readonly recentIntents: readonly RecentIntent[]
  /** When recent orders were sent (any symbol of the account), for the rate throttle. */
  readonly recentOrderTimestamps: readonly number[]
  readonly breakers: BreakerScopes
}

export interface RiskAccount {
  readonly id: AccountId
  readonly venue: VenueId
  readonly mode: AccountMode
  readonly liveEnabled: boolean
}

export interface RiskBook {
  /** [price, size]; bids high to low, asks low to high; sizes in the order's unit. */
  readonly bids: readonly BookLevel[]
  readonly asks: readonly BookLevel[]
  readonly timestamp: number
}

export interface RiskMark {
  readonly markPrice: number
  readonly timestamp: number
}

export interface PositionExposure {
  readonly symbol: MarketSymbol
  readonly side: 'long' | 'short'
  /** Size in contracts (base units for spot), always positive. */
  readonly contracts: number
  /** Absolute notional at the mark, in the quote currency. */
  readonly notional: number
}

export interface OpenOrderExposure {
  readonly symbol: MarketSymbol
  readonly side: OrderSide
  /** Unfilled size, in contracts (base units for spot). */
  readonly amount: number
  /** Unfilled notional at the order's price, in the quote currency. */
  readonly notional: number
}

/** The fields that make two intents the same order. */
export interface RecentIntent {
  readonly id: string
  readonly accountId: AccountId
  readonly symbol: MarketSymbol
  readonly side: OrderSide
  readonly type: OrderType
  readonly amount: number
  readonly price: number | null
  readonly createdAt: number
}

/** Breaker states of the scopes the intent falls under; `pilot` is null for non-pilot intents. */
export interface BreakerScopes {
  readonly desk: BreakerState
  readonly account: BreakerState
  readonly pilot: BreakerState | null
}
