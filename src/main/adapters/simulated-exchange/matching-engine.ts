import type { MarketSymbol, Trade } from '../../../shared/domain/market'
import { isTerminalStatus } from '../../../shared/domain/order'
import type { MarketState } from './market-state'
import { type OrderRecord, remainingOf } from './order-ledger'
import type { PositionBook } from './positions'
import { floorToStep, roundToStep } from '../../../shared/market/precision'
import type { RestingOrders } from './resting-orders'
import type { Settlement } from './settlement'

/**
 * Matches our orders against the source's market. We never move the real
 * market, so our orders trade against its book (taking) or against its flow
 * (resting orders filled by books and prints that reach them), and never
 * against each other.
 */
export interface MatchingEngine {
  /** Size an order may still fill now: its remaining size, capped for reduce-only by the position. */
  fillCap(record: OrderRecord): number
  /** An arriving or re-priced order takes what crosses at book prices, best level first, as taker. */
  takeLiquidity(record: OrderRecord): void
  /** After a new book: resting orders the opposite side reaches fill as maker at their own price. */
  matchBook(symbol: MarketSymbol): void
  /** After a print: resting orders it went through fill as maker at their own price, up to the printed size. */
  matchTrade(trade: Trade): void
}

export interface MatchingDeps {
  market: MarketState
  positions: PositionBook
  settlement: Settlement
  restingOf(symbol: MarketSymbol): RestingOrders | undefined
  stepOf(symbol: MarketSymbol): number | null
}

export function createMatchingEngine(deps: MatchingDeps): MatchingEngine {
  const { market, settlement } = deps

  const fillCap = (record: OrderRecord): number => {
    const remaining = remainingOf(record)
    return record.state.reduceOnly ? Math.min(remaining, deps.positions.reducible(record.state.symbol, record.state.side)) : remaining
  }

  const fillFromBook = (record: OrderRecord): void => {
    if (isTerminalStatus(record.state.status)) return
    const cap = fillCap(record)
    const step = record.instrument!.stepSize
    if (cap <= 0) return
    const takes = market.view(record.state.symbol).take(record.state.side, cap, record.state.price, step)
    const amount = roundToStep(
      takes.reduce((sum, t) => sum + t.amount, 0),
      step,
    )
    // One fill per order per book, at the order's own price: the book moved into it, so it made the price.
    if (amount > 0) settlement.fill(record, record.state.price!, amount, 'maker')
  }

  return {
    fillCap,
    takeLiquidity(record) {
      const cap = fillCap(record)
      if (cap <= 0) return
      const limit = record.state.type === 'market' ? null : record.state.price
      const takes = market.view(record.state.symbol).take(record.state.side, cap, limit, record.instrument!.stepSize)
      for (const take of takes) settlement.fill(record, take.price, take.amount, 'taker')
    },
    matchBook(symbol) {
      const resting = deps.restingOf(symbol)
      if (!resting) return
      const view = market.view(symbol)
      // A level at exactly our price counts: that size is offered at our price, so it would trade with us.
      const bestAsk = view.best('ask')
      if (bestAsk !== null) for (const record of resting.reaching('buy', bestAsk, true)) fillFromBook(record)
      const bestBid = view.best('bid')
      if (bestBid !== null) for (const record of resting.reaching('sell', bestBid, true)) fillFromBook(record)
    },
    matchTrade(trade) {
      const resting = deps.restingOf(trade.symbol)
      const step = deps.stepOf(trade.symbol)
      if (!resting || step === null) return
      let budget = floorToStep(trade.amount, step)
      // Only a print strictly through our price fills us: at an equal price we would queue behind
      // the size already resting there, and the print may not have reached us. Conservative on purpose.
      const reached = [...resting.reaching('buy', trade.price, false), ...resting.reaching('sell', trade.price, false)]
      for (const record of reached) {
        if (budget <= 0) break
        if (isTerminalStatus(record.state.status)) continue
        const amount = Math.min(fillCap(record), budget)
        if (amount <= 0) continue
        settlement.fill(record, record.state.price!, amount, 'maker')
        budget = roundToStep(budget - amount, step)
      }
    },
  }
}
