import type { MarketSymbol } from '../../../shared/domain/market'
import { type Account, settleCurrencyOf } from './account'
import type { Margin } from './margin'
import type { MarketState } from './market-state'
import type { OrderLedger } from './order-ledger'
import type { PositionBook } from './positions'
import type { Settlement } from './settlement'

export interface LiquidatedPosition {
  symbol: MarketSymbol
  side: 'long' | 'short'
  contracts: number
  markPrice: number
  clientOrderId: string
}

/** What a liquidation did to one currency's cross account. */
export interface LiquidationReport {
  currency: string
  /** Equity and maintenance margin that triggered it. */
  equity: number
  maintenanceMargin: number
  positions: LiquidatedPosition[]
  /** Loss beyond the wallet, absorbed (by the venue's insurance fund) so the wallet ends at 0, not below. */
  deficit: number
  timestamp: number
}

export interface LiquidationDeps {
  clock: { now(): number }
  account: Account
  margin: Margin
  market: MarketState
  positions: PositionBook
  ledger: OrderLedger
  settlement: Settlement
  /** Cancels every live order settled in `currency`; they would otherwise reopen what was just closed. */
  cancelOpenOrders(currency: string, reason: string): void
}

export const LIQUIDATION_REASON = 'liquidation'

/**
 * Cross-margin liquidation: when a currency's equity falls below the summed
 * maintenance margin of its positions, all of them close at their mark
 * prices (not by walking the book, so the outcome does not depend on depth we
 * may not have), through venue-placed reduce-only market orders whose client
 * ids start with 'liq' and whose reason is 'liquidation'.
 */
export function createLiquidator(deps: LiquidationDeps): { check(currency: string): LiquidationReport | null } {
  return {
    check(currency) {
      const held = deps.positions.all().filter((p) => settleCurrencyOf(p.instrument) === currency)
      if (held.length === 0) return null
      // Without a price for every position the test would be a guess; wait for one.
      if (held.some((p) => deps.market.markPrice(p.instrument.symbol) === null)) return null
      const equity = deps.margin.equity(currency)
      const maintenanceMargin = deps.margin.maintenance(currency)
      if (equity >= maintenanceMargin) return null

      deps.cancelOpenOrders(currency, LIQUIDATION_REASON)
      const liquidated: LiquidatedPosition[] = []
      for (const position of held) {
        const { instrument, contracts } = position
        const markPrice = deps.market.markPrice(instrument.symbol)!
        const clientOrderId = deps.ledger.systemClientOrderId('liq')
        const request = {
          clientOrderId,
          symbol: instrument.symbol,
          side: contracts > 0 ? ('sell' as const) : ('buy' as const),
          type: 'market' as const,
          amount: Math.abs(contracts),
          price: null,
          timeInForce: 'IOC' as const,
          postOnly: false,
          reduceOnly: true,
        }
        const record = deps.ledger.create(request, instrument, deps.clock.now(), LIQUIDATION_REASON)
        deps.ledger.accept(record)
        deps.settlement.fill(record, markPrice, request.amount, 'taker')
        liquidated.push({ symbol: instrument.symbol, side: contracts > 0 ? 'long' : 'short', contracts: request.amount, markPrice, clientOrderId })
      }
      const wallet = deps.account.wallet(currency)
      const deficit = wallet < 0 ? -wallet : 0
      if (deficit > 0) deps.account.credit(currency, deficit)
      return { currency, equity, maintenanceMargin, positions: liquidated, deficit, timestamp: deps.clock.now() }
    },
  }
}
