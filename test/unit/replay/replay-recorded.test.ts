import { describe, expect, it } from 'vitest'
import { createReplayClient } from '../../../src/main/adapters/replay'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'
import { CandleSchema, TIMEFRAME_MS, TimeframeSchema, type Candle, type Trade } from '../../../src/shared/domain/market'
import { RECORDINGS, hasRecordings, recordedTitle } from '../../support/recorded-market-data'

/** Replays a recording at full speed with every stream subscribed; each event is stamped with the clock time it arrived at. */
async function replayAll(path: string, kind: 'trades' | 'candles', symbol: string): Promise<{ events: { at: number; event: MarketEvent }[]; stats: Awaited<ReturnType<ReturnType<typeof createReplayClient>['run']>> }> {
  const clock = createTestClock(0)
  const client = createReplayClient({ clock, venue: 'binance', symbol, source: { kind, path }, mode: { kind: 'full' } })
  const events: { at: number; event: MarketEvent }[] = []
  const listen = (event: MarketEvent): number => events.push({ at: clock.now(), event: structuredClone(event) })
  await client.subscribe({ kind: 'ticker', symbol }, listen)
  if (kind === 'trades') await client.subscribe({ kind: 'trades', symbol }, listen)
  for (const timeframe of TimeframeSchema.options) {
    await client.subscribe({ kind: 'candles', symbol, timeframe }, listen).catch(() => undefined)
  }
  const stats = await client.run()
  await client.close()
  return { events, stats }
}

describe.skipIf(!hasRecordings)(recordedTitle('replay of recorded market data'), () => {
  it('replays the recorded ETH/USDT perpetual trades (CSV) identically twice, at their recorded times', async () => {
    const first = await replayAll(RECORDINGS.tradesCsv, 'trades', 'ETH/USDT:USDT')
    const second = await replayAll(RECORDINGS.tradesCsv, 'trades', 'ETH/USDT:USDT')
    expect(second.events).toEqual(first.events)
    expect(first.stats).toMatchObject({ rowsRead: 1000, rowsAccepted: 1000, rowsSkipped: 0, finished: true, firstTimestamp: 1675329600138, lastTimestamp: 1675329807493 })
    const trades = first.events.flatMap(({ at, event }) => (event.kind === 'trades' ? event.trades.map((t) => ({ at, t })) : []))
    expect(trades).toHaveLength(1000)
    // Full speed moves the clock to each trade's own time before it is emitted.
    expect(trades.every(({ at, t }) => at === t.timestamp)).toBe(true)
    expect(trades[0]!.t).toEqual({ venue: 'binance', symbol: 'ETH/USDT:USDT', id: '1206419187', price: 1666.8, amount: 26.062, side: 'buy', timestamp: 1675329600138 })
  })

  it('builds candles from the trades that agree with them, and a ticker on the last price', async () => {
    const { events } = await replayAll(RECORDINGS.tradesCsv, 'trades', 'ETH/USDT:USDT')
    const trades: Trade[] = events.flatMap(({ event }) => (event.kind === 'trades' ? event.trades : []))
    const lastOneMinute = new Map<number, Candle>()
    let lastPrice = 0
    for (const { event } of events) {
      if (event.kind === 'trades') lastPrice = event.trades.at(-1)!.price
      if (event.kind === 'ticker') expect(event.ticker).toMatchObject({ bid: null, ask: null, last: lastPrice })
      if (event.kind === 'candle') {
        const c = CandleSchema.parse(event.candle)
        expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close))
        expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close))
        if (event.timeframe === '1m') lastOneMinute.set(c.timestamp, c)
      }
    }
    for (const [bucket, candle] of lastOneMinute) {
      const inside = trades.filter((t) => t.timestamp >= bucket && t.timestamp < bucket + 60_000)
      expect(candle.open).toBe(inside[0]!.price)
      expect(candle.close).toBe(inside.at(-1)!.price)
      expect(candle.high).toBe(Math.max(...inside.map((t) => t.price)))
      expect(candle.low).toBe(Math.min(...inside.map((t) => t.price)))
      expect(candle.volume).toBeCloseTo(inside.reduce((s, t) => s + t.amount, 0), 6)
    }
    expect(lastOneMinute.size).toBe(4)
  })

  it('replays the gzipped XRP/ETH trades (freqtrade rows) with equal timestamps batched', async () => {
    const first = await replayAll(RECORDINGS.tradesJsonGz, 'trades', 'XRP/ETH')
    const second = await replayAll(RECORDINGS.tradesJsonGz, 'trades', 'XRP/ETH')
    expect(second.events).toEqual(first.events)
    expect(first.stats).toMatchObject({ rowsRead: 12_477, rowsAccepted: 12_477, rowsSkipped: 0 })
    const batches = first.events.filter(({ event }) => event.kind === 'trades')
    expect(batches).toHaveLength(9_987)
    const stamps = batches.map(({ event }) => (event.kind === 'trades' ? event.trades.map((t) => t.timestamp) : []))
    expect(stamps.every((s) => s.every((t) => t === s[0]))).toBe(true)
    expect(stamps.every((s, i) => i === 0 || s[0]! > stamps[i - 1]![0]!)).toBe(true)
  })

  it('emits recorded 1-minute candles at their close, never earlier, and builds larger timeframes from them', async () => {
    const { events, stats } = await replayAll(RECORDINGS.candles1m, 'candles', 'ETH/BTC')
    expect(stats).toMatchObject({ rowsRead: 13_681, rowsAccepted: 13_681 })
    const oneMinute = events.filter(({ event }) => event.kind === 'candle' && event.timeframe === '1m')
    expect(oneMinute).toHaveLength(13_681)
    for (const { at, event } of events) {
      if (event.kind !== 'candle') continue
      // No look-ahead: a candle (or the partial larger candle it updates) only appears once its minute is over.
      expect(at).toBeGreaterThanOrEqual(event.candle.timestamp + 60_000)
      expect(at).toBeLessThanOrEqual(event.candle.timestamp + TIMEFRAME_MS[event.timeframe])
    }
    expect(events.some(({ event }) => event.kind === 'candle' && event.timeframe === '1d')).toBe(true)
  })

  it('replays the gzipped 1-hour XRP/USDT perpetual candles and refuses finer timeframes', async () => {
    const clock = createTestClock(0)
    const client = createReplayClient({ clock, venue: 'binance', symbol: 'XRP/USDT:USDT', source: { kind: 'candles', path: RECORDINGS.candles1hGz }, mode: { kind: 'full' } })
    await expect(client.subscribe({ kind: 'candles', symbol: 'XRP/USDT:USDT', timeframe: '1m' }, () => {})).rejects.toMatchObject({ kind: 'unsupported' })
    await expect(client.subscribe({ kind: 'book', symbol: 'XRP/USDT:USDT' }, () => {})).rejects.toThrow(/no book stream/)
    const [instrument] = await client.loadInstruments()
    expect(instrument).toMatchObject({ type: 'swap', base: 'XRP', quote: 'USDT', settle: 'USDT', tickSize: 0.00001 })
    const stats = await client.run()
    expect(stats).toMatchObject({ rowsAccepted: 100, finished: true })
    const candles = await client.fetchCandles('XRP/USDT:USDT', '1h', null, 1_000)
    expect(candles).toHaveLength(100)
    expect(candles[0]).toEqual({ timestamp: 1637110800000, open: 1.0801, high: 1.09758, low: 1.07654, close: 1.07925, volume: 3153694.607359 })
    expect(clock.now()).toBe(1637467200000 + 3_600_000)
  })
})
