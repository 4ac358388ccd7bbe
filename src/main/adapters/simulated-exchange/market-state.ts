import type { MarketSymbol } from '../../../shared/domain/market'
import { createOrderBookView, type OrderBookView } from './order-book-view'

/** What the venue knows of each market: the book our orders match against, the mark and the last print. */
export interface MarketState {
  /** The book view of `symbol`, empty until the first snapshot. */
  view(symbol: MarketSymbol): OrderBookView
  setMark(symbol: MarketSymbol, price: number): void
  setLastTrade(symbol: MarketSymbol, price: number): void
  /** True once the source sent a mark price: then book moves do not move the mark. */
  hasMark(symbol: MarketSymbol): boolean
  /**
   * The price positions are valued and liquidated at: the source's mark,
   * else the book mid (sources without a mark stream, e.g. a replay of
   * books), else the last trade, else null.
   */
  markPrice(symbol: MarketSymbol): number | null
}

export function createMarketState(): MarketState {
  const views = new Map<MarketSymbol, OrderBookView>()
  const marks = new Map<MarketSymbol, number>()
  const lastTrades = new Map<MarketSymbol, number>()

  const view = (symbol: MarketSymbol): OrderBookView => {
    let existing = views.get(symbol)
    if (!existing) {
      existing = createOrderBookView()
      views.set(symbol, existing)
    }
    return existing
  }

  return {
    view,
    setMark: (symbol, price) => void marks.set(symbol, price),
    setLastTrade: (symbol, price) => void lastTrades.set(symbol, price),
    hasMark: (symbol) => marks.has(symbol),
    markPrice: (symbol) => marks.get(symbol) ?? views.get(symbol)?.mid() ?? lastTrades.get(symbol) ?? null,
  }
}
