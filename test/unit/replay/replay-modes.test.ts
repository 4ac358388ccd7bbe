import { describe, expect, it, vi } from 'vitest'
import { createReplayClient } from '../../../src/main/adapters/replay'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'

const T = Date.UTC(2024, 0, 8, 12, 0, 0)
const SYMBOL = 'BTC/USDT:USDT'
// Three trades in the first minute (two sharing a timestamp), one in the next, one an hour later.
const ROWS = [
  { timestamp: T + 1_000, id: '1', side: 'buy', price: 100, amount: 1 },
  { timestamp: T + 2_000, id: '2', side: 'sell', price: 99, amount: 2 },
  { timestamp: T + 2_000, id: '3', side: 'buy', price: 101, amount: 1 },
  { timestamp: T + 61_000, id: '4', side: 'sell', price: 102, amount: 4 },
  { timestamp: T + 3_601_000, id: '5', side: 'buy', price: 98, amount: 1 },
]

describe('replay modes', () => {
  it('paces events on the clock at recorded time divided by the speed, and ends by itself', async () => {
    const clock = createTestClock(5_000)
    const client = createReplayClient({ clock, venue: 'sim', symbol: SYMBOL, source: { kind: 'trades', rows: ROWS }, mode: { kind: 'paced', speed: 10 } })
    const seen: { at: number; ids: string[] }[] = []
    await client.subscribe({ kind: 'trades', symbol: SYMBOL }, (e) => e.kind === 'trades' && seen.push({ at: clock.now(), ids: e.trades.map((t) => t.id) }))
    const done = client.run()
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    // The first trade goes out at once; the rest at (recorded gap / 10) after it.
    clock.advance(99)
    expect(seen).toHaveLength(1)
    clock.advance(1)
    expect(seen.at(-1)).toEqual({ at: 5_100, ids: ['2', '3'] })
    clock.advance(6_000)
    expect(seen.at(-1)).toEqual({ at: 11_000, ids: ['4'] })
    clock.advance(354_000)
    expect(seen.at(-1)).toEqual({ at: 365_000, ids: ['5'] })
    expect(await done).toMatchObject({ finished: true, rowsAccepted: 5 })
    expect(clock.pending()).toBe(0)
  })

  it('stops a paced replay on close(), resolving run with what was done', async () => {
    const clock = createTestClock(0)
    const client = createReplayClient({ clock, venue: 'sim', symbol: SYMBOL, source: { kind: 'trades', rows: ROWS }, mode: { kind: 'paced', speed: 1 } })
    const events: MarketEvent[] = []
    await client.subscribe({ kind: 'ticker', symbol: SYMBOL }, (e) => events.push(e))
    const done = client.run()
    await vi.waitFor(() => expect(events.filter((e) => e.kind === 'ticker')).toHaveLength(1))
    await client.close()
    expect(await done).toMatchObject({ finished: false })
    expect(clock.pending()).toBe(0)
    expect(events.at(-1)).toMatchObject({ kind: 'status', status: 'closed' })
    await expect(client.fetchCandles(SYMBOL, '1m', null, 1)).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('serves only what was replayed so far (no look-ahead) and tells listeners when the recording ends', async () => {
    const clock = createTestClock(0)
    const client = createReplayClient({ clock, venue: 'sim', symbol: SYMBOL, source: { kind: 'trades', rows: ROWS }, mode: { kind: 'full' } })
    const checks: unknown[] = []
    await client.subscribe({ kind: 'trades', symbol: SYMBOL }, (e) => {
      if (e.kind === 'trades' && e.trades[0]!.id === '4') {
        // Listeners run synchronously, so fetches from inside see the replay's present.
        void client.fetchTrades(SYMBOL, null, 100).then((t) => checks.push(t.map((x) => x.id)))
      }
    })
    const ends: MarketEvent[] = []
    await client.subscribe({ kind: 'candles', symbol: SYMBOL, timeframe: '1m' }, (e) => ends.push(e))
    expect(await client.fetchCandles(SYMBOL, '1m', null, 10)).toEqual([])
    await client.run()
    await vi.waitFor(() => expect(checks).toHaveLength(1))
    expect(checks[0]).toEqual(['1', '2', '3', '4'])
    const candles = await client.fetchCandles(SYMBOL, '1m', null, 10)
    expect(candles).toEqual([
      { timestamp: T, open: 100, high: 101, low: 99, close: 101, volume: 4 },
      { timestamp: T + 60_000, open: 102, high: 102, low: 102, close: 102, volume: 4 },
      { timestamp: T + 3_600_000, open: 98, high: 98, low: 98, close: 98, volume: 1 },
    ])
    expect(await client.fetchCandles(SYMBOL, '1h', T, 1)).toEqual([{ timestamp: T, open: 100, high: 102, low: 99, close: 102, volume: 8 }])
    expect(await client.fetchTrades(SYMBOL, T + 60_000, 10)).toHaveLength(2)
    expect(ends.at(-1)).toMatchObject({ kind: 'status', status: 'closed', detail: 'end of recording' })
  })

  it('names the replayed symbol for an unknown one and isolates a failing listener', async () => {
    const onListenerError = vi.fn()
    const client = createReplayClient({ clock: createTestClock(0), venue: 'sim', symbol: SYMBOL, source: { kind: 'trades', rows: ROWS }, mode: { kind: 'full' }, onListenerError })
    await expect(client.subscribe({ kind: 'trades', symbol: 'BTC/USDT' }, () => {})).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining(SYMBOL) })
    let good = 0
    await client.subscribe({ kind: 'trades', symbol: SYMBOL }, () => {
      throw new Error('strategy bug')
    })
    await client.subscribe({ kind: 'trades', symbol: SYMBOL }, (e) => e.kind === 'trades' && good++)
    const stats = await client.run()
    expect(good).toBe(4)
    expect(onListenerError).toHaveBeenCalledTimes(6)
    expect(stats.eventsEmitted).toBe(4)
    expect(() => createReplayClient({ clock: createTestClock(0), venue: 'sim', symbol: SYMBOL, source: { kind: 'trades', rows: [] }, mode: { kind: 'paced', speed: 0 } })).toThrow(/speed above 0/)
  })
})
