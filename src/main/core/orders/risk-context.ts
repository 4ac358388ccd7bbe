import type { OrderIntent } from '../../../shared/domain/intent'
import type { Instrument, MarketSymbol } from '../../../shared/domain/market'
import type { StoredAccount } from '../../ports/account-repository'
import { isTerminalJournalStatus, type JournalEntry } from '../../ports/order-journal'
import type { PositionView } from '../portfolio'
import type { BreakerScopes, OpenOrderExposure, PositionExposure, RecentIntent, RiskContext } from '../risk'
import type { Quote } from './quote-cache'

/** Everything gathered about the world for one intent; `buildRiskContext` freezes it for the risk engine. */
export interface RiskFacts {
  now: number
  account: StoredAccount | null
  /** The venue's market list; empty when it could not be loaded. */
  instruments: readonly Instrument[]
  quote: Quote
  /** Best mark of the intent's symbol (venue mark, else last trade, else mid). */
  mark: { price: number; at: number } | null
  /** Marks of the account's other symbols, to value working orders without a price. */
  markOf: (symbol: MarketSymbol) => number | null
  equity: number
  positions: readonly PositionView[]
  /** The account's journal entries that are still working. */
  openOrders: readonly JournalEntry[]
  currentLeverage: number | null
  recentIntents: readonly RecentIntent[]
  recentOrderTimestamps: readonly number[]
  breakers: BreakerScopes
}

/**
 * The risk engine's snapshot of the world for one intent. Pure: the order
 * service gathers the facts (venue, portfolio, journal, breakers) and this
 * only reshapes them, so what the engine sees can be tested on its own.
 */
export function buildRiskContext(intent: OrderIntent, facts: RiskFacts): RiskContext {
  const instrument = facts.instruments.find((i) => i.symbol === intent.symbol) ?? null
  const contractSize = (symbol: MarketSymbol): number => facts.instruments.find((i) => i.symbol === symbol)?.contractSize ?? 1
  const book = facts.quote.book
  return {
    now: facts.now,
    account: facts.account ? { id: facts.account.id, venue: facts.account.venue, mode: facts.account.mode, liveEnabled: facts.account.liveEnabled } : null,
    instrument,
    knownSymbols: facts.instruments.map((i) => i.symbol),
    book: book ? { bids: book.bids, asks: book.asks, timestamp: book.timestamp } : null,
    mark: facts.mark ? { markPrice: facts.mark.price, timestamp: facts.mark.at } : null,
    equity: facts.equity,
    positions: facts.positions.map(positionExposure),
    openOrders: facts.openOrders.filter((e) => !isTerminalJournalStatus(e.status)).map((e) => orderExposure(e, contractSize(e.symbol), facts.markOf(e.symbol))),
    currentLeverage: facts.currentLeverage,
    recentIntents: facts.recentIntents,
    recentOrderTimestamps: facts.recentOrderTimestamps,
    breakers: facts.breakers,
  }
}

export function positionExposure(position: PositionView): PositionExposure {
  return { symbol: position.symbol, side: position.side, contracts: position.contracts, notional: Math.abs(position.notional) }
}

/** What is left of a working order, valued at its limit price, else at the mark (0 when neither is known). */
export function orderExposure(entry: JournalEntry, contractSize: number, mark: number | null): OpenOrderExposure {
  const amount = Math.max(0, entry.amount - entry.filled)
  const price = entry.price ?? mark ?? 0
  return { symbol: entry.symbol, side: entry.side, amount, notional: amount * contractSize * price }
}
