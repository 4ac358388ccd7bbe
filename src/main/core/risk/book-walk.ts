import type { BookLevel } from '../../../shared/domain/market'
import type { OrderSide } from '../../../shared/domain/order'
import type { RiskBook } from './context'

/** What the visible book would do with an order that takes liquidity now. */
export interface BookWalk {
  /** Size the visible levels fill at once (at or better than the limit, for limit orders). */
  readonly filled: number
  /** Average price of that filled part, or null when nothing fills. */
  readonly averagePrice: number | null
  /** Mid when both sides show a price, else the touch of the side that has one; the slippage reference. */
  readonly referencePrice: number | null
  /** How much worse than the reference the average is, in percent (negative is better). */
  readonly slippagePct: number | null
  /** Share of the size filled at once, 0 to 1. */
  readonly fillShare: number
}

// Summing level sizes in binary floats leaves dust (0.1 + 0.2 is not 0.3);
// a remainder this small relative to the order counts as filled.
const DUST = 1e-9

/**
 * Walks the levels the order would take (asks for a buy, bids for a sell),
 * best first, until the size is filled, the book runs out, or, for a limit
 * order, the next level is worse than the limit. Malformed levels (a
 * non-finite or non-positive price or size) are skipped: a bad level must not
 * turn the estimate into NaN.
 */
export function walkBook(book: RiskBook, side: OrderSide, amount: number, limitPrice: number | null): BookWalk {
  const levels = side === 'buy' ? book.asks : book.bids
  let remaining = amount
  let filled = 0
  let cost = 0
  for (const level of levels) {
    if (remaining <= amount * DUST) break
    const [price, size] = level
    if (!isGoodLevel(price, size)) continue
    if (limitPrice !== null && (side === 'buy' ? price > limitPrice : price < limitPrice)) break
    const take = Math.min(size, remaining)
    filled += take
    cost += take * price
    remaining -= take
  }
  const complete = remaining <= amount * DUST
  const averagePrice = filled > 0 ? cost / filled : null
  const referencePrice = referenceOf(book, side)
  let slippagePct: number | null = null
  if (averagePrice !== null && referencePrice !== null) {
    const worse = side === 'buy' ? averagePrice - referencePrice : referencePrice - averagePrice
    slippagePct = (worse / referencePrice) * 100
  }
  const fillShare = complete ? 1 : amount > 0 ? Math.min(1, Math.max(0, filled / amount)) : 0
  return { filled: complete ? amount : filled, averagePrice, referencePrice, slippagePct, fillShare }
}

/** The best valid price on a side, skipping malformed levels. */
export function bestPrice(levels: readonly BookLevel[]): number | null {
  for (const [price, size] of levels) if (isGoodLevel(price, size)) return price
  return null
}

/** The slippage reference for a side: the mid, or the touch of a one-sided book. */
export function referenceOf(book: RiskBook, side: OrderSide): number | null {
  const bid = bestPrice(book.bids)
  const ask = bestPrice(book.asks)
  if (bid !== null && ask !== null) return (bid + ask) / 2
  // One-sided book: the touch the order would hit is the fairest reference left.
  return side === 'buy' ? (ask ?? bid) : (bid ?? ask)
}

function isGoodLevel(price: number, size: number): boolean {
  return Number.isFinite(price) && price > 0 && Number.isFinite(size) && size > 0
}
