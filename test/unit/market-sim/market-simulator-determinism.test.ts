import { describe, expect, it } from 'vitest'
import { BTC, ETH, makeSim, record } from './sim-helpers'

describe('market simulator determinism', () => {
  it('gives identical events for the same seed and clock, and different ones for another seed', async () => {
    const runs = await Promise.all([7, 7, 8].map(async (seed) => {
      const { sim, clock } = makeSim(seed)
      const events = await record(sim, clock, 120_000)
      await sim.close()
      return events
    }))
    expect(runs[0]!.length).toBeGreaterThan(3_000)
    expect(runs[1]).toEqual(runs[0])
    expect(runs[2]).not.toEqual(runs[0])
    const kinds = new Set(runs[0]!.map((e) => e.kind))
    expect([...kinds].sort()).toEqual(['book', 'candle', 'funding', 'mark', 'status', 'ticker', 'trades'])
  })

  it('moves the same way whether or not anyone was listening (the path is a function of time)', async () => {
    const early = makeSim(11)
    const late = makeSim(11)
    const booksEarly = new Map<number, unknown>()
    const booksLate = new Map<number, unknown>()
    await early.sim.subscribe({ kind: 'book', symbol: ETH }, (e) => e.kind === 'book' && booksEarly.set(e.book.timestamp, e.book))
    early.clock.advance(30_000)
    late.clock.advance(30_000)
    await late.sim.subscribe({ kind: 'book', symbol: ETH }, (e) => e.kind === 'book' && booksLate.set(e.book.timestamp, e.book))
    early.clock.advance(30_000)
    late.clock.advance(30_000)
    expect(booksLate.size).toBe(120)
    for (const [timestamp, book] of booksLate) expect(book).toEqual(booksEarly.get(timestamp))
    // Catching up silently also produced the same trades, so history served later agrees.
    expect(await late.sim.fetchTrades(BTC, null, 1_000)).toEqual(await early.sim.fetchTrades(BTC, null, 1_000))
  })

  it('crosses a long idle gap quickly and serves the current candle', async () => {
    const { sim, clock } = makeSim(3)
    clock.advance(3 * 86_400_000)
    const started = performance.now()
    const candles = await sim.fetchCandles(BTC, '1h', null, 100)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(candles.at(-1)!.timestamp).toBe(Math.floor(clock.now() / 3_600_000) * 3_600_000)
    const ticker = await new Promise((resolve) => void sim.subscribe({ kind: 'ticker', symbol: BTC }, (e) => e.kind === 'ticker' && resolve(e.ticker)).then(() => clock.advance(250)))
    expect(ticker).toMatchObject({ symbol: BTC, timestamp: clock.now() })
  })
})
