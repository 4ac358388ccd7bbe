import type { OrderSide } from '../../../shared/domain/order'
import { type OrderRecord, remainingOf } from './order-ledger'

/** Remaining size and notional (price x size, before contract size) resting on one side. */
export interface SideTotals {
  amount: number
  priceTimesAmount: number
}

/**
 * Our resting limit orders on one symbol, each side kept sorted best price
 * first then by arrival, so a book or trade that reaches the best order can
 * stop at the first one it does not reach. Side totals for margin are kept
 * up to date on every change rather than summed on demand: margin is checked
 * on every new order.
 */
export interface RestingOrders {
  add(record: OrderRecord): void
  remove(record: OrderRecord): void
  has(record: OrderRecord): boolean
  /** Records a fill of a resting order, before its state changes, so the totals follow. */
  filled(record: OrderRecord, amount: number): void
  /** Orders on `side` whose price reaches `price` (buys at or above it, sells at or below), best first. */
  reaching(side: OrderSide, price: number, inclusive: boolean): OrderRecord[]
  totals(side: OrderSide): SideTotals
}

const priceOf = (record: OrderRecord): number => record.state.price!

/** True when `a` has priority over `b` on that side. */
function before(side: OrderSide, a: OrderRecord, b: OrderRecord): boolean {
  const pa = priceOf(a)
  const pb = priceOf(b)
  if (pa !== pb) return side === 'buy' ? pa > pb : pa < pb
  return a.seq < b.seq
}

export function createRestingOrders(): RestingOrders {
  const sides: Record<OrderSide, OrderRecord[]> = { buy: [], sell: [] }
  const totals: Record<OrderSide, SideTotals> = { buy: { amount: 0, priceTimesAmount: 0 }, sell: { amount: 0, priceTimesAmount: 0 } }
  const members = new Set<OrderRecord>()

  /** First index whose order does not have priority over `record`: where it is, or goes. */
  const indexFor = (list: OrderRecord[], side: OrderSide, record: OrderRecord): number => {
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (before(side, list[middle]!, record)) low = middle + 1
      else high = middle
    }
    return low
  }
  const adjust = (record: OrderRecord, amount: number): void => {
    // Reduce-only orders can only shrink a position, so they tie up no margin.
    if (record.state.reduceOnly) return
    const side = totals[record.state.side]
    side.amount += amount
    side.priceTimesAmount += amount * priceOf(record)
    // Snap to exact zero when a side empties, so float residue never accumulates.
    if (sides[record.state.side].length === 0) {
      side.amount = 0
      side.priceTimesAmount = 0
    }
  }

  return {
    add(record) {
      const side = record.state.side
      const list = sides[side]
      list.splice(indexFor(list, side, record), 0, record)
      members.add(record)
      adjust(record, remainingOf(record))
    },
    remove(record) {
      if (!members.delete(record)) return
      const side = record.state.side
      const list = sides[side]
      const index = indexFor(list, side, record)
      if (list[index] === record) list.splice(index, 1)
      else list.splice(list.indexOf(record), 1)
      adjust(record, -remainingOf(record))
    },
    has: (record) => members.has(record),
    filled(record, amount) {
      if (members.has(record)) adjust(record, -amount)
    },
    reaching(side, price, inclusive) {
      const result: OrderRecord[] = []
      for (const record of sides[side]) {
        const p = priceOf(record)
        const reaches = side === 'buy' ? p > price || (inclusive && p === price) : p < price || (inclusive && p === price)
        if (!reaches) break
        result.push(record)
      }
      return result
    },
    totals: (side) => ({ ...totals[side] }),
  }
}
