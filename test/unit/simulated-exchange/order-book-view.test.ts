import { describe, expect, it } from 'vitest'
import { createOrderBookView } from '../../../src/main/adapters/simulated-exchange/order-book-view'
import type { OrderBook } from '../../../src/shared/domain/market'

const book = (bids: Array<[number, number]>, asks: Array<[number, number]>): OrderBook => ({ venue: 'x', symbol: 'S', bids, asks, sequence: null, timestamp: 0 })

describe('order book view', () => {
  it('takes whole steps only, level by level, within the limit, and consumes what it takes', () => {
    const view = createOrderBookView()
    view.replace(book([[99, 1]], [[100, 2.5], [101, 3], [102, 10]]))
    expect(view.available('buy', 101, 1)).toBe(5)
    expect(view.take('buy', 4, 101, 1)).toEqual([
      { price: 100, amount: 2 },
      { price: 101, amount: 2 },
    ])
    // Half a lot stays at 100, untakeable in whole lots; one lot is left at 101.
    expect(view.best('ask')).toBe(100)
    expect(view.take('buy', 5, null, 1)).toEqual([
      { price: 101, amount: 1 },
      { price: 102, amount: 4 },
    ])
  })

  it('restores consumed liquidity on the next snapshot, and keeps the mid of the snapshot', () => {
    const view = createOrderBookView()
    view.replace(book([[99, 1]], [[101, 1]]))
    view.take('sell', 1, null, 1)
    expect(view.best('bid')).toBeNull()
    expect(view.mid()).toBe(100)
    view.replace(book([[99, 1]], [[101, 1]]))
    expect(view.best('bid')).toBe(99)
  })

  it('estimates an average price without consuming, pricing the shortfall at the last level', () => {
    const view = createOrderBookView()
    view.replace(book([], [[100, 1], [110, 1]]))
    expect(view.estimate('buy', 4, 1)).toBe((100 + 110 * 3) / 4)
    expect(view.estimate('sell', 1, 1)).toBeNull()
    expect(view.available('buy', null, 1)).toBe(2)
  })

  it('ignores empty and zero-size levels', () => {
    const view = createOrderBookView()
    view.replace(book([[99, 0], [98, 2]], []))
    expect(view.best('bid')).toBe(98)
    expect(view.mid()).toBeNull()
  })
})
