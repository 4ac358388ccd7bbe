import type { MarketSymbol } from '../../../shared/domain/market'
import type { LiquidationReport } from './liquidation'

/** One funding settlement on one position. */
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
 * Account changes no order caused. ExecutionEvent has no place for them, so
 * the simulated exchange reports them on a side channel of its own; balances
 * and positions reflect them either way.
 */
export type AccountEvent = { type: 'funding'; payment: FundingPayment } | { type: 'liquidation'; report: LiquidationReport }
