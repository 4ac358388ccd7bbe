import type { Instrument } from '../../../shared/domain/market'
import type { OrderSide } from '../../../shared/domain/order'
import { type Account, settleCurrencyOf } from './account'
import type { MarketState } from './market-state'
import { type NetPosition, type PositionBook, unrealizedPnl } from './positions'
import type { RestingOrders, SideTotals } from './resting-orders'

/**
 * Cross margin, one pool per settle currency: every position settled in USDT
 * shares the USDT equity, and a loss on one eats the margin of all. Chosen
 * over isolated margin because it is the default of the venues we mirror and
 * needs no per-position transfers.
 */
export interface Margin {
  /** Wallet plus unrealized PnL at the mark. */
  equity(currency: string): number
  /** Initial margin of a position: its notional at the mark divided by its leverage. */
  positionMargin(position: NetPosition): number
  /** Position margin plus the margin resting orders tie up. */
  used(currency: string): number
  free(currency: string): number
  /** Sum of maintenance margin (a fixed share of notional at the mark) over the currency's positions. */
  maintenance(currency: string): number
  /**
   * Margin and the taker fee an order of `amount` at `price` would need on top
   * of what is used now; `replacing` is the remaining size and price of an order
   * it replaces (an amend).
   */
  requirement(instrument: Instrument, side: OrderSide, amount: number, price: number, replacing?: { amount: number; price: number }): number
  /** The mark at which cross equity meets maintenance, other positions held at their marks; null if none. */
  liquidationPrice(position: NetPosition): number | null
}

export interface MarginDeps {
  account: Account
  positions: PositionBook
  market: MarketState
  /** Resting orders with the instrument they trade. */
  resting(): Iterable<{ instrument: Instrument; orders: RestingOrders }>
  restingOf(symbol: string): RestingOrders | undefined
  maintenanceRate: number
  takerRate: number
}

/** Orders closing a position need no margin up to its size; only the opening share is charged. */
function sideMargin(totals: SideTotals, closable: number, contractSize: number, leverage: number): number {
  if (totals.amount <= closable) return 0
  const averagePrice = totals.priceTimesAmount / totals.amount
  return ((totals.amount - closable) * averagePrice * contractSize) / leverage
}

export function createMargin(deps: MarginDeps): Margin {
  const { account, positions, market } = deps
  const markOf = (position: NetPosition): number => market.markPrice(position.instrument.symbol) ?? position.entryPrice
  const positionsIn = (currency: string): NetPosition[] => positions.all().filter((p) => settleCurrencyOf(p.instrument) === currency)
  const notionalOf = (position: NetPosition): number => Math.abs(position.contracts) * position.instrument.contractSize * markOf(position)

  const positionMargin = (position: NetPosition): number => notionalOf(position) / account.leverage(position.instrument)
  const orderMargin = (instrument: Instrument, orders: RestingOrders): number => {
    const leverage = account.leverage(instrument)
    const cs = instrument.contractSize
    const symbol = instrument.symbol
    return (
      sideMargin(orders.totals('buy'), positions.reducible(symbol, 'buy'), cs, leverage) +
      sideMargin(orders.totals('sell'), positions.reducible(symbol, 'sell'), cs, leverage)
    )
  }
  const equity = (currency: string): number => account.wallet(currency) + positionsIn(currency).reduce((sum, p) => sum + unrealizedPnl(p, markOf(p)), 0)
  const used = (currency: string): number => {
    let total = positionsIn(currency).reduce((sum, p) => sum + positionMargin(p), 0)
    for (const { instrument, orders } of deps.resting()) {
      if (settleCurrencyOf(instrument) === currency) total += orderMargin(instrument, orders)
    }
    return total
  }
  const maintenance = (currency: string): number => positionsIn(currency).reduce((sum, p) => sum + notionalOf(p) * deps.maintenanceRate, 0)

  return {
    equity,
    positionMargin,
    used,
    free: (currency) => Math.max(0, equity(currency) - used(currency)),
    maintenance,
    requirement(instrument, side, amount, price, replacing) {
      const leverage = account.leverage(instrument)
      const cs = instrument.contractSize
      const closable = positions.reducible(instrument.symbol, side)
      const now = deps.restingOf(instrument.symbol)?.totals(side) ?? { amount: 0, priceTimesAmount: 0 }
      const base = replacing
        ? { amount: now.amount - replacing.amount, priceTimesAmount: now.priceTimesAmount - replacing.amount * replacing.price }
        : now
      const after = { amount: base.amount + amount, priceTimesAmount: base.priceTimesAmount + amount * price }
      const opening = Math.max(0, after.amount - closable) - Math.max(0, now.amount - closable)
      const fee = Math.max(0, opening) * price * cs * deps.takerRate
      return sideMargin(after, closable, cs, leverage) - sideMargin(now, closable, cs, leverage) + fee
    },
    liquidationPrice(position) {
      const currency = settleCurrencyOf(position.instrument)
      const others = positionsIn(currency).filter((p) => p !== position)
      // Equity the other positions leave for this one, beyond their own maintenance.
      const cushion =
        account.wallet(currency) + others.reduce((sum, p) => sum + unrealizedPnl(p, markOf(p)) - notionalOf(p) * deps.maintenanceRate, 0)
      const size = Math.abs(position.contracts) * position.instrument.contractSize
      const rate = deps.maintenanceRate
      // Solve cushion + (P - entry) * signedSize = rate * P * size for the mark P.
      const price =
        position.contracts > 0 ? (position.entryPrice * size - cushion) / (size * (1 - rate)) : (cushion + position.entryPrice * size) / (size * (1 + rate))
      return price > 0 && Number.isFinite(price) ? price : null
    },
  }
}
