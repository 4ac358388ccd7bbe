import { beforeEach, describe, expect, it } from 'vitest'
import { createEventBus } from '../../../src/main/core/bus/event-bus'
import type { KernelEvents } from '../../../src/main/core/bus/kernel-events'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createFrameCoalescer, FRAME_MS, type FrameCoalescer } from '../../../src/main/core/market/frame-coalescer'
import { streamRef } from '../../../src/main/core/market/stream-ref'
import type { OrderBook, Trade } from '../../../src/shared/domain/market'

const SYMBOL = 'BTC/USDT:USDT'

function book(mid: number, at: number): OrderBook {
  const bids = Array.from({ length: 50 }, (_, i): [number, number] => [mid - 1 - i, 1])
  const asks = Array.from({ length: 50 }, (_, i): [number, number] => [mid + 1 + i, 1])
  return { venue: 'fake', symbol: SYMBOL, bids, asks, sequence: null, timestamp: at }
}

function trade(id: number): Trade {
  return { venue: 'fake', symbol: SYMBOL, id: String(id), price: 100 + id, amount: 1, side: id % 2 ? 'buy' : 'sell', timestamp: id }
}

describe('frame coalescer', () => {
  let clock: TestClock
  let coalescer: FrameCoalescer
  let published: { topic: string; payload: unknown }[]

  beforeEach(() => {
    clock = createTestClock(1_000_000)
    const bus = createEventBus<KernelEvents>(() => {})
    published = []
    for (const topic of ['market.bookUpdated', 'market.tickerUpdated', 'market.tradesPrinted', 'market.candleUpdated'] as const) {
      bus.subscribe(topic, (payload) => published.push({ topic, payload }))
    }
    coalescer = createFrameCoalescer({ clock, bus, bookDepth: () => 15, maxTradesPerBatch: 100 })
  })

  const of = <T>(topic: string): T[] => published.filter((p) => p.topic === topic).map((p) => p.payload as T)

  it('turns a burst of 1,000 book updates into one event carrying the latest book, cut to the watched depth', () => {
    for (let i = 0; i < 1000; i++) coalescer.offerBook(book(60_000 + i, clock.now()))
    expect(published).toHaveLength(0) // nothing crosses before the frame ends
    clock.advance(FRAME_MS)
    const books = of<OrderBook>('market.bookUpdated')
    expect(books).toHaveLength(1)
    expect(books[0]!.bids[0]![0]).toBe(60_999 - 1)
    expect(books[0]!.bids).toHaveLength(15)
    expect(books[0]!.asks).toHaveLength(15)
  })

  it('publishes at most once per frame however the updates are spread', () => {
    for (let ms = 0; ms < 1000; ms++) {
      coalescer.offerBook(book(60_000 + ms, clock.now()))
      coalescer.offerTicker({ venue: 'fake', symbol: SYMBOL, bid: 1, ask: 2, bidSize: 1, askSize: 1, last: ms, baseVolume: null, timestamp: clock.now() })
      clock.advance(1)
    }
    clock.advance(FRAME_MS)
    const books = of<OrderBook>('market.bookUpdated')
    expect(books.length).toBeLessThanOrEqual(Math.ceil(1000 / FRAME_MS) + 1)
    expect(books.length).toBeGreaterThan(50)
    expect(of('market.tickerUpdated')).toHaveLength(books.length)
    expect(books.at(-1)!.bids[0]![0]).toBe(60_999 - 1) // the last update is never lost
  })

  it('accumulates trades in order and reports how many a burst dropped', () => {
    coalescer.offerTrades('fake', SYMBOL, [trade(1), trade(2)])
    coalescer.offerTrades('fake', SYMBOL, [trade(3)])
    clock.advance(FRAME_MS)
    coalescer.offerTrades('fake', SYMBOL, Array.from({ length: 250 }, (_, i) => trade(10 + i)))
    clock.advance(FRAME_MS)
    const batches = of<{ trades: Trade[]; dropped: number }>('market.tradesPrinted')
    expect(batches).toHaveLength(2)
    expect(batches[0]!.trades.map((t) => t.id)).toEqual(['1', '2', '3'])
    expect(batches[0]!.dropped).toBe(0)
    expect(batches[1]!.trades).toHaveLength(100)
    expect(batches[1]!.trades[0]!.id).toBe('160') // the newest 100 of 250 survive
    expect(batches[1]!.dropped).toBe(150)
  })

  it('keeps the closing values of a bar that closed within the frame', () => {
    const bar = (timestamp: number, close: number) => ({ timestamp, open: 1, high: 9, low: 1, close, volume: 1 })
    coalescer.offerCandle('fake', SYMBOL, '1m', bar(0, 2))
    coalescer.offerCandle('fake', SYMBOL, '1m', bar(0, 3))
    coalescer.offerCandle('fake', SYMBOL, '1m', bar(60_000, 4))
    coalescer.offerCandle('fake', SYMBOL, '1m', bar(60_000, 5))
    clock.advance(FRAME_MS)
    const candles = of<{ candle: { timestamp: number; close: number } }>('market.candleUpdated').map((c) => c.candle)
    expect(candles.map((c) => [c.timestamp, c.close])).toEqual([
      [0, 3],
      [60_000, 5],
    ])
  })

  it('schedules nothing while idle and drops what is pending for a released stream', () => {
    expect(clock.pending()).toBe(0)
    coalescer.offerBook(book(1, clock.now()))
    coalescer.offerTrades('fake', SYMBOL, [trade(1)])
    expect(clock.pending()).toBe(1)
    coalescer.forget(streamRef('fake', SYMBOL, 'book', '1m'))
    clock.advance(FRAME_MS)
    expect(of('market.bookUpdated')).toHaveLength(0)
    expect(of('market.tradesPrinted')).toHaveLength(1)
    expect(clock.pending()).toBe(0)
  })
})
