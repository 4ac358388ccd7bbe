import { describe, expect, it } from 'vitest'
import { CandleSchema, TIMEFRAME_MS, TimeframeSchema, type Candle, type Timeframe, type Trade } from '../../../src/shared/domain/market'
import { BTC, ETH, START, makeSim } from './sim-helpers'

function aggregate(trades: Trade[], timeframe: Timeframe): Map<number, Candle> {
  const out = new Map<number, Candle>()
  for (const t of trades) {
    const bucket = Math.floor(t.timestamp / TIMEFRAME_MS[timeframe]) * TIMEFRAME_MS[timeframe]
    const c = out.get(bucket)
    if (!c) out.set(bucket, { timestamp: bucket, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.amount })
    else Object.assign(c, { high: Math.max(c.high, t.price), low: Math.min(c.low, t.price), close: t.price, volume: c.volume + t.amount })
  }
  return out
}

describe('market simulator candles', () => {
  it('aggregates every timeframe exactly from the trade stream, including each candle’s final state', async () => {
    const { sim, clock } = makeSim(17)
    const trades: Trade[] = []
    const last = new Map<string, Candle>()
    let updates = 0
    const bad: Candle[] = []
    await sim.subscribe({ kind: 'trades', symbol: ETH }, (e) => e.kind === 'trades' && trades.push(...e.trades))
    for (const timeframe of TimeframeSchema.options) {
      await sim.subscribe({ kind: 'candles', symbol: ETH, timeframe }, (e) => {
        if (e.kind !== 'candle') return
        const c = updates % 500 === 0 ? CandleSchema.parse(e.candle) : e.candle
        if (!(c.high >= Math.max(c.open, c.close) && c.low <= Math.min(c.open, c.close) && c.timestamp % TIMEFRAME_MS[timeframe] === 0)) bad.push(c)
        last.set(`${timeframe}@${c.timestamp}`, c)
        updates++
      })
    }
    clock.advance(2 * 3_600_000)
    expect(trades.length).toBeGreaterThan(10_000)
    expect(bad).toEqual([])
    for (const timeframe of TimeframeSchema.options) {
      const expected = aggregate(trades, timeframe)
      expect(expected.size).toBeGreaterThan(0)
      for (const [bucket, candle] of expected) {
        const got = last.get(`${timeframe}@${bucket}`)
        if (!got || JSON.stringify({ ...got, volume: 0 }) !== JSON.stringify({ ...candle, volume: 0 }) || Math.abs(got.volume - candle.volume) > 1e-6) {
          expect(got, `${timeframe} candle at ${bucket}`).toEqual(candle)
        }
      }
    }
    expect(updates).toBeGreaterThan(6 * 2 * 60)
  })

  it('backfills history that ends where the live market starts, contiguous and on the grid', async () => {
    const { sim, clock } = makeSim(2)
    clock.advance(10 * 60_000)
    for (const timeframe of TimeframeSchema.options) {
      const ms = TIMEFRAME_MS[timeframe]
      const candles = await sim.fetchCandles(BTC, timeframe, null, 300)
      expect(candles).toHaveLength(300)
      expect(candles.at(-1)!.timestamp).toBe(Math.floor(clock.now() / ms) * ms)
      for (let i = 1; i < candles.length; i++) expect(candles[i]!.timestamp - candles[i - 1]!.timestamp).toBe(ms)
      for (const c of candles) {
        expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close))
        expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close))
        expect(c.volume).toBeGreaterThan(0)
      }
      // The newest history candle closes at the start price; the live market opens there.
      const lastHistory = candles.filter((c) => c.timestamp < Math.floor(START / ms) * ms).at(-1)!
      expect(lastHistory.close).toBe(65_000)
    }
  })

  it('pages through history with `since` exactly as one large request returns it, for any seed-equal simulator', async () => {
    const a = makeSim(4)
    const b = makeSim(4)
    const since = START - 900 * 3_600_000
    const whole = await a.sim.fetchCandles(BTC, '1h', since, 1_000)
    // 899 complete hours lie between `since` (rounded up to the hour) and the hour the simulator started in.
    expect(whole).toHaveLength(899)
    expect(whole[0]!.timestamp).toBe(Math.ceil(since / 3_600_000) * 3_600_000)
    const paged: Candle[] = []
    for (let cursor = since; ; ) {
      const page = await b.sim.fetchCandles(BTC, '1h', cursor, 97)
      if (page.length === 0) break
      paged.push(...page)
      cursor = page.at(-1)!.timestamp + 3_600_000
    }
    expect(paged).toEqual(whole)
    // Pages are capped like a venue's REST limit.
    expect(await a.sim.fetchCandles(BTC, '1m', since, 5_000)).toHaveLength(1_000)
    // A `since` before the oldest history answers with the oldest candles there are.
    const oldest = await a.sim.fetchCandles(BTC, '1d', 0, 3)
    expect(oldest[0]!.timestamp).toBe(Math.floor(START / 86_400_000) * 86_400_000 - 5_000 * 86_400_000)
  })
})
