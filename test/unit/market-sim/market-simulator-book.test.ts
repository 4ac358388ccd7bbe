import { describe, expect, it } from 'vitest'
import type { OrderBook, Trade } from '../../../src/shared/domain/market'
import { OrderBookSchema, TickerSchema, TradeSchema, type Ticker } from '../../../src/shared/domain/market'
import { BTC, ETH, makeSim } from './sim-helpers'

const RULES = { [BTC]: { tick: 0.1, step: 0.01 }, [ETH]: { tick: 0.01, step: 0.01 } } as const

const onGrid = (value: number, step: number): boolean => Math.abs(value / step - Math.round(value / step)) < 1e-6

/** Every rule a venue's book obeys; returns the broken ones (plain checks: 10,000 books × 50 levels is too many expect calls). */
function bookProblems(book: OrderBook): string[] {
  const { tick, step } = RULES[book.symbol as keyof typeof RULES]
  const problems: string[] = []
  const decimals = String(tick).split('.')[1]!.length
  if (book.bids.length < 20 || book.asks.length < 20) problems.push(`only ${book.bids.length}/${book.asks.length} levels`)
  // Never crossed or locked: at least one tick between the touch prices.
  if (book.asks[0]![0] - book.bids[0]![0] < tick - 1e-9) problems.push(`crossed or locked at ${book.bids[0]![0]}/${book.asks[0]![0]}`)
  for (let i = 1; i < book.bids.length; i++) if (!(book.bids[i]![0] < book.bids[i - 1]![0])) problems.push(`bids not descending at ${i}`)
  for (let i = 1; i < book.asks.length; i++) if (!(book.asks[i]![0] > book.asks[i - 1]![0])) problems.push(`asks not ascending at ${i}`)
  for (const [price, size] of [...book.bids, ...book.asks]) {
    if (!onGrid(price, tick) || (String(price).split('.')[1]?.length ?? 0) > decimals) problems.push(`price ${price} off the ${tick} grid`)
    if (!onGrid(size, step) || !(size > 0)) problems.push(`size ${size} off the ${step} grid`)
  }
  return problems
}

function checkBook(book: OrderBook): void {
  expect(bookProblems(book)).toEqual([])
}

describe('market simulator books, trades and quotes', () => {
  it('keeps 10,000 consecutive books uncrossed, on the tick grid, with trades at the touch', async () => {
    const { sim, clock } = makeSim(21)
    let book: OrderBook | null = null
    let books = 0
    let trades = 0
    let checkedTrades = 0
    const problems: string[] = []
    await sim.subscribe({ kind: 'book', symbol: BTC }, (e) => {
      if (e.kind !== 'book') return
      problems.push(...bookProblems(e.book))
      if (book && e.book.sequence !== book.sequence! + 1) problems.push(`sequence ${e.book.sequence} after ${book.sequence}`)
      book = e.book
      books++
    })
    // Subscribed after the book, so each tick's trades arrive right after that tick's book.
    await sim.subscribe({ kind: 'trades', symbol: BTC }, (e) => {
      if (e.kind !== 'trades') return
      for (const trade of e.trades) {
        trades++
        if (!(trade.timestamp <= book!.timestamp && trade.timestamp > book!.timestamp - 250)) problems.push(`trade at ${trade.timestamp} outside tick ${book!.timestamp}`)
        if (trade.price !== (trade.side === 'buy' ? book!.asks[0]![0] : book!.bids[0]![0])) problems.push(`${trade.side} at ${trade.price} not at the touch`)
        if (checkedTrades++ < 50) TradeSchema.parse(trade)
      }
    })
    clock.advance(10_000 * 250)
    expect(books).toBe(10_000)
    expect(problems.slice(0, 5)).toEqual([])
    expect(trades).toBeGreaterThan(5_000)
    OrderBookSchema.parse(book)
  })

  it('serves the requested depth and ETH on its own tick size', async () => {
    const { sim, clock } = makeSim(5)
    const seen: OrderBook[] = []
    await sim.subscribe({ kind: 'book', symbol: ETH, depth: 5 }, (e) => e.kind === 'book' && seen.push(e.book))
    await sim.subscribe({ kind: 'book', symbol: ETH }, (e) => e.kind === 'book' && checkBook(e.book))
    clock.advance(2_000)
    expect(seen).toHaveLength(8)
    expect(seen.every((b) => b.bids.length === 5 && b.asks.length === 5)).toBe(true)
    await expect(sim.subscribe({ kind: 'book', symbol: ETH, depth: 0 }, () => {})).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('quotes a ticker on the touch whose last price is the last trade', async () => {
    const { sim, clock } = makeSim(9)
    let lastTrade: Trade | null = null
    let ticker: Ticker | null = null
    let book: OrderBook | null = null
    await sim.subscribe({ kind: 'trades', symbol: ETH }, (e) => e.kind === 'trades' && (lastTrade = e.trades.at(-1)!))
    await sim.subscribe({ kind: 'book', symbol: ETH }, (e) => e.kind === 'book' && (book = e.book))
    await sim.subscribe({ kind: 'ticker', symbol: ETH }, (e) => {
      if (e.kind !== 'ticker') return
      ticker = TickerSchema.parse(e.ticker)
      expect(e.ticker.bid).toBe(book!.bids[0]![0])
      expect(e.ticker.ask).toBe(book!.asks[0]![0])
      expect(e.ticker.bidSize).toBe(book!.bids[0]![1])
      if (lastTrade) expect(e.ticker.last).toBe(lastTrade.price)
    })
    clock.advance(60_000)
    expect(ticker!.baseVolume).toBeGreaterThan(0)
  })

  it('keeps the mark close to the mid and funding within caps, settling every 8 hours', async () => {
    const { sim, clock } = makeSim(13)
    let mid = 0
    const marks: number[] = []
    const fundings: { rate: number; next: number | null; at: number }[] = []
    await sim.subscribe({ kind: 'book', symbol: BTC }, (e) => e.kind === 'book' && (mid = (e.book.bids[0]![0] + e.book.asks[0]![0]) / 2))
    await sim.subscribe({ kind: 'mark', symbol: BTC }, (e) => e.kind === 'mark' && marks.push(Math.abs(e.mark.markPrice / mid - 1)))
    await sim.subscribe({ kind: 'funding', symbol: BTC }, (e) => e.kind === 'funding' && fundings.push({ rate: e.funding.rate, next: e.funding.nextFundingTime, at: e.funding.timestamp }))
    clock.advance(600_000)
    expect(Math.max(...marks)).toBeLessThan(0.002)
    // One snapshot on subscribe, then one every 5 s.
    expect(fundings).toHaveLength(121)
    for (const f of fundings) {
      expect(Math.abs(f.rate)).toBeLessThanOrEqual(0.00375)
      expect(f.next! % (8 * 3_600_000)).toBe(0)
      expect(f.next! - f.at).toBeGreaterThan(0)
      expect(f.next! - f.at).toBeLessThanOrEqual(8 * 3_600_000)
    }
    // Slowly varying: it changes, but by little between consecutive updates.
    const steps = fundings.slice(1).map((f, i) => Math.abs(f.rate - fundings[i]!.rate))
    expect(Math.max(...steps)).toBeLessThan(0.0001)
    expect(new Set(fundings.map((f) => f.rate)).size).toBeGreaterThan(10)
  })
})
