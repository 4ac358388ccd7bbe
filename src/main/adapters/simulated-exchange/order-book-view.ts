import type { OrderBook } from '../../../shared/domain/market'
import type { OrderSide } from '../../../shared/domain/order'
import { floorToStep, roundToStep } from '../../../shared/market/precision'

/** Size taken from one price level. */
export interface LevelTake {
  price: number
  amount: number
}

/**
 * The venue's latest book for one symbol as our orders see it: liquidity our
 * fills consumed is subtracted until the next snapshot replaces the book, so
 * two orders in a row cannot both take the same resting size.
 */
export interface OrderBookView {
  replace(book: OrderBook): void
  /** Best price left on a side after consumption, or null when the side is empty. */
  best(side: 'bid' | 'ask'): number | null
  /** Mid of the snapshot as the source sent it: our own consumption must not move the mark. */
  mid(): number | null
  /** Size a taker on `takerSide` could take at prices no worse than `limit` (null: any price), in whole steps. */
  available(takerSide: OrderSide, limit: number | null, step: number): number
  /** Takes up to `amount`, best level first, in whole steps; the taken size is consumed. */
  take(takerSide: OrderSide, amount: number, limit: number | null, step: number): LevelTake[]
  /** Average price of taking `amount` now without consuming; null when the book is empty on that side. */
  estimate(takerSide: OrderSide, amount: number, step: number): number | null
}

interface Side {
  prices: number[]
  sizes: number[]
}

const EMPTY: Side = { prices: [], sizes: [] }

function copySide(levels: ReadonlyArray<readonly [number, number]>): Side {
  const prices: number[] = []
  const sizes: number[] = []
  for (const [price, size] of levels) {
    // A source may send zero-size levels for deletions; they offer nothing.
    if (size > 0 && price > 0) {
      prices.push(price)
      sizes.push(size)
    }
  }
  return { prices, sizes }
}

export function createOrderBookView(): OrderBookView {
  let bids: Side = EMPTY
  let asks: Side = EMPTY

  // A buyer takes asks, a seller takes bids.
  const opposite = (takerSide: OrderSide): Side => (takerSide === 'buy' ? asks : bids)
  const acceptable = (takerSide: OrderSide, price: number, limit: number | null): boolean =>
    limit === null || (takerSide === 'buy' ? price <= limit : price >= limit)
  const bestOf = (side: Side): number | null => {
    for (let i = 0; i < side.prices.length; i++) if (side.sizes[i]! > 0) return side.prices[i]!
    return null
  }

  return {
    replace(book) {
      bids = copySide(book.bids)
      asks = copySide(book.asks)
    },
    best: (side) => bestOf(side === 'bid' ? bids : asks),
    mid() {
      const bid = bids.prices[0]
      const ask = asks.prices[0]
      return bid !== undefined && ask !== undefined ? (bid + ask) / 2 : null
    },
    available(takerSide, limit, step) {
      const side = opposite(takerSide)
      let total = 0
      for (let i = 0; i < side.prices.length && acceptable(takerSide, side.prices[i]!, limit); i++) {
        total += floorToStep(side.sizes[i]!, step)
      }
      return roundToStep(total, step)
    },
    take(takerSide, amount, limit, step) {
      const side = opposite(takerSide)
      const takes: LevelTake[] = []
      let left = amount
      for (let i = 0; i < side.prices.length && left > 0 && acceptable(takerSide, side.prices[i]!, limit); i++) {
        const size = Math.min(left, floorToStep(side.sizes[i]!, step))
        if (size <= 0) continue
        side.sizes[i] = side.sizes[i]! - size
        left = roundToStep(left - size, step)
        takes.push({ price: side.prices[i]!, amount: size })
      }
      return takes
    },
    estimate(takerSide, amount, step) {
      const side = opposite(takerSide)
      let left = amount
      let cost = 0
      let lastPrice: number | null = null
      for (let i = 0; i < side.prices.length && left > 0; i++) {
        const size = Math.min(left, floorToStep(side.sizes[i]!, step))
        if (size <= 0) continue
        cost += size * side.prices[i]!
        left -= size
        lastPrice = side.prices[i]!
      }
      if (lastPrice === null) return null
      // What the book cannot fill is priced at its worst level: a cautious guess for margin checks.
      return (cost + Math.max(0, left) * lastPrice) / amount
    },
  }
}
