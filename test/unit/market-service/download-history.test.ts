import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMarketSimulator } from '../../../src/main/adapters/market-simulator'
import { openMarketStore } from '../../../src/main/adapters/market-store'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { downloadHistory, type DownloadProgress } from '../../../src/main/core/market/history/download-history'
import type { MarketDataClient } from '../../../src/main/ports/market-data-client'
import type { MarketStore } from '../../../src/main/ports/market-store'
import { VenueError } from '../../../src/main/ports/venue-error'
import type { Candle } from '../../../src/shared/domain/market'
import { makeTempDir } from '../../support/temp-dir'

const H = 3_600_000
const NOW = Date.UTC(2024, 0, 8, 12, 30)
const SYMBOL = 'BTC/USDT:USDT'
const KEY = { venue: 'sim', symbol: SYMBOL, timeframe: '1h' } as const
const HOUR_NOW = Math.floor(NOW / H) * H
// 300 complete hours: `to` falls mid-hour, and that open hour is never stored.
const FROM = HOUR_NOW - 300 * H

type FetchCandles = MarketDataClient['fetchCandles']

describe('history downloader', () => {
  let dir: ReturnType<typeof makeTempDir>
  let store: MarketStore
  let fetchCandles: FetchCandles
  let calls: number
  beforeEach(() => {
    dir = makeTempDir()
    store = openMarketStore(join(dir.path, 'market.sqlite'))
    const sim = createMarketSimulator({ clock: createTestClock(NOW), seed: 42 })
    calls = 0
    fetchCandles = (...args) => {
      calls++
      return sim.fetchCandles(...args)
    }
  })
  afterEach(() => {
    store.close()
    dir.remove()
  })

  const download = (client: { fetchCandles: FetchCandles }, extra: Partial<Parameters<typeof downloadHistory>[0]> = {}) =>
    downloadHistory({ client, store, venue: 'sim', symbol: SYMBOL, timeframe: '1h', from: FROM, to: NOW, pageLimit: 50, ...extra })

  it('pages through the venue, storing complete candles as it goes and reporting progress', async () => {
    const progress: DownloadProgress[] = []
    const result = await download({ fetchCandles }, { onProgress: (p) => progress.push({ ...p }) })
    expect(result).toMatchObject({ total: 300, done: 300, fetched: 300, stored: 300, pages: 6, unavailable: [], aborted: false })
    const stored = store.candles(KEY, FROM, NOW)
    expect(stored).toHaveLength(300)
    expect(stored).toEqual(await fetchCandles(SYMBOL, '1h', FROM, 300))
    // The bucket still open at `to` (12:00-13:00) is never stored.
    expect(stored.at(-1)!.timestamp + H).toBeLessThanOrEqual(NOW)
    expect(progress[0]).toEqual({ done: 0, total: 300, fetched: 0 })
    expect(progress.at(-1)).toEqual({ done: 300, total: 300, fetched: 300 })
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true)
  })

  it('resumes an interrupted download from what the store has, ending where a one-shot download ends', async () => {
    let pages = 0
    const flaky = { fetchCandles: ((...args) => (++pages > 3 ? Promise.reject(new VenueError('rejected', 'sim', 'connection dropped')) : fetchCandles(...args))) as FetchCandles }
    await expect(download(flaky)).rejects.toThrow(/connection dropped/)
    expect(store.candles(KEY, FROM, NOW)).toHaveLength(150)
    const before = calls
    const resumed = await download({ fetchCandles })
    expect(resumed).toMatchObject({ total: 300, done: 300, fetched: 150, pages: 3 })
    expect(calls - before).toBe(3)
    expect(store.candles(KEY, FROM, NOW)).toEqual(await fetchCandles(SYMBOL, '1h', FROM, 300))
    expect(store.missingCandleRanges(KEY, FROM, HOUR_NOW)).toEqual([])
    // A third run finds nothing to do and asks the venue nothing.
    const idle = await download({ fetchCandles })
    expect(idle).toMatchObject({ done: 300, fetched: 0, pages: 0 })
  })

  it('fills only the holes in what is stored', async () => {
    const all = await fetchCandles(SYMBOL, '1h', FROM, 300)
    store.upsertCandles(KEY, [...all.slice(0, 100), ...all.slice(120, 250)])
    const result = await download({ fetchCandles })
    // One page per hole: 20 and 50 candles, each within the 50-candle page limit.
    expect(result).toMatchObject({ done: 300, fetched: 70, pages: 2 })
    expect(store.candles(KEY, FROM, NOW)).toEqual(all)
  })

  it('stops when the venue returns nothing new, instead of looping', async () => {
    const stale: Candle[] = [{ timestamp: FROM - 10 * H, open: 1, high: 1, low: 1, close: 1, volume: 1 }]
    const ignoresSince = vi.fn(async () => stale)
    const result = await download({ fetchCandles: ignoresSince })
    expect(ignoresSince).toHaveBeenCalledTimes(1)
    expect(result).toMatchObject({ fetched: 0, done: 300, unavailable: [{ from: FROM, to: HOUR_NOW }] })
    // A venue that lists the market later: the early part is unavailable, the rest is stored.
    const listedLate: FetchCandles = async (symbol, tf, since, limit) => fetchCandles(symbol, tf, Math.max(since ?? 0, HOUR_NOW - 40 * H), limit)
    const late = await download({ fetchCandles: listedLate })
    expect(late.fetched).toBe(40)
    expect(store.missingCandleRanges(KEY, FROM, HOUR_NOW)).toEqual([{ from: FROM, to: HOUR_NOW - 40 * H }])
  })

  it('retries retryable venue errors on the clock, and stops when aborted', async () => {
    const clock = createTestClock(0)
    let failures = 0
    const limited: FetchCandles = (...args) => (failures++ < 1 ? Promise.reject(new VenueError('rate_limited', 'sim', 'slow down', { retryAfterMs: 2_000 })) : fetchCandles(...args))
    const pending = download({ fetchCandles: limited }, { retry: { clock } })
    await vi.waitFor(() => expect(clock.pending()).toBe(1))
    clock.advance(2_000)
    expect(await pending).toMatchObject({ done: 300, fetched: 300 })

    const controller = new AbortController()
    store.close()
    store = openMarketStore(join(dir.path, 'other.sqlite'))
    const aborted = await download({ fetchCandles }, { signal: controller.signal, onProgress: (p) => p.fetched >= 100 && controller.abort() })
    expect(aborted).toMatchObject({ aborted: true, fetched: 100 })
    await expect(download({ fetchCandles: () => Promise.reject(new VenueError('rate_limited', 'sim', 'no clock, no retry')) })).rejects.toThrow(/no clock/)
  })
  it('stops at once when aborted mid-request or mid-wait, storing nothing that arrives afterwards', async () => {
    const clock = createTestClock(0)
    let release: (() => void) | undefined
    const hanging: FetchCandles = (...args) => new Promise((resolve) => (release = () => resolve(fetchCandles(...args))))
    const controller = new AbortController()
    const pending = download({ fetchCandles: hanging }, { signal: controller.signal })
    await vi.waitFor(() => expect(release).toBeDefined())
    controller.abort()
    expect(await pending).toMatchObject({ aborted: true, fetched: 0, pages: 0 })
    release!()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(store.candles(KEY, FROM, NOW)).toEqual([])

    const waiting = new AbortController()
    const retries: number[] = []
    const limited: FetchCandles = () => Promise.reject(new VenueError('rate_limited', 'sim', 'slow down', { retryAfterMs: 60_000 }))
    const stuck = download({ fetchCandles: limited }, { signal: waiting.signal, retry: { clock, onRetry: (_e, attempt, wait) => retries.push(attempt, wait) } })
    await vi.waitFor(() => expect(clock.pending()).toBe(1))
    waiting.abort()
    expect(await stuck).toMatchObject({ aborted: true })
    expect(retries).toEqual([1, 60_000])
    expect(clock.pending()).toBe(0)
  })
})
