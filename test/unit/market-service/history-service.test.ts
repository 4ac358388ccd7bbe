import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_RUNNING_DOWNLOADS, PROGRESS_INTERVAL_MS } from '../../../src/main/core/market/history/history-service'
import { VenueError } from '../../../src/main/ports/venue-error'
import type { DownloadHistoryInput } from '../../../src/shared/contract/domains/market-history'
import { HandlerError } from '../../../src/shared/contract/envelope'
import { createHistoryHarness, MIN, T0, type HistoryHarness } from './history-harness'

const SYMBOL = 'BTC/USDT:USDT'
const KEY = { venue: 'fake', symbol: SYMBOL, timeframe: '1m' } as const
// 100 closed 1-minute candles; with 10 a page and 100 ms a page, a download takes 1 s of kernel time.
const RANGE = { ...KEY, from: T0 - 100 * MIN, to: T0 }

describe('history service', () => {
  let h: HistoryHarness
  beforeEach(() => {
    h = createHistoryHarness({ pageLimit: 10, retryAttempts: 2 })
  })
  afterEach(() => h.dispose())

  const stored = (): number => h.marketStore.candles(KEY, RANGE.from, RANGE.to).length
  const final = () => h.events.filter((e) => e.status !== 'running')

  it('publishes progress at most every 250 ms of kernel time, then one final event', async () => {
    h.venue.pageMs = 100
    const { downloadId } = await h.service.start(RANGE)
    await h.run(1_200)
    const running = h.events.filter((e) => e.status === 'running')
    expect(running[0]).toMatchObject({ downloadId, done: 0, total: 100, fetched: 0, publishedAt: T0 })
    expect(running.length).toBeLessThanOrEqual(1 + 1_000 / PROGRESS_INTERVAL_MS)
    expect(running.length).toBeGreaterThanOrEqual(3)
    running.slice(1).forEach((e, i) => expect(e.publishedAt - running[i]!.publishedAt).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS))
    expect(running.every((e, i) => i === 0 || e.done >= running[i - 1]!.done)).toBe(true)
    expect(final()).toEqual([expect.objectContaining({ downloadId, status: 'completed', done: 100, total: 100, fetched: 100, missing: 0, error: null, endedAt: T0 + 1_000 })])
    expect(h.events.at(-1)!.status).toBe('completed')
    expect(h.clock.pending()).toBe(0) // no trailing progress timer left behind
  })

  it('completes: stores the range, audits it with the range and counts, lists it, and a second run asks the venue nothing', async () => {
    const { downloadId } = await h.service.start(RANGE)
    await h.settle()
    expect(stored()).toBe(100)
    expect(h.events.map((e) => e.status)).toEqual(['running', 'completed'])
    const audit = h.profile.audit.tail(5).find((e) => e.kind === 'market.historyDownloaded')
    expect(audit).toMatchObject({ actor: 'user', subject: 'fake BTC/USDT:USDT 1m', payload: { downloadId, ...RANGE, total: 100, fetched: 100, stored: 100, pages: 10, missing: 0 } })
    expect(h.service.list()).toEqual([expect.objectContaining({ downloadId, status: 'completed' })])
    expect(h.historyHealth()).toEqual({ state: 'running' })

    const calls = h.venue.calls.length
    const again = await h.service.start(RANGE)
    await h.settle()
    expect(again.downloadId).not.toBe(downloadId)
    expect(h.venue.calls.length).toBe(calls)
    expect(h.events.at(-1)).toMatchObject({ downloadId: again.downloadId, status: 'completed', done: 100, fetched: 0 })
    expect(h.service.list().map((d) => d.downloadId)).toEqual([again.downloadId, downloadId])
  })

  it('cancels at once mid-request, keeps what it stored, and a new start fetches only the rest', async () => {
    h.venue.pageMs = 100
    const { downloadId } = await h.service.start(RANGE)
    await h.run(350) // three pages stored, the fourth in flight
    expect(await h.service.cancel(downloadId)).toEqual({ downloadId, cancelled: true })
    expect(h.events.at(-1)).toMatchObject({ downloadId, status: 'cancelled', done: 30, fetched: 30, missing: 70, error: null })
    expect(await h.service.cancel(downloadId)).toEqual({ downloadId, cancelled: false })
    await h.run(500)
    expect(h.venue.calls).toHaveLength(4)
    expect(stored()).toBe(30) // the page that arrived after the cancel was dropped
    expect(h.profile.audit.tail(5).some((e) => e.kind === 'market.historyDownloaded')).toBe(false)

    const resumed = await h.service.start(RANGE)
    expect(h.events.at(-1)).toMatchObject({ downloadId: resumed.downloadId, status: 'running', done: 30, fetched: 0 })
    await h.run(1_000)
    expect(h.events.at(-1)).toMatchObject({ downloadId: resumed.downloadId, status: 'completed', done: 100, fetched: 70, missing: 0 })
    expect(h.venue.calls.slice(4)[0]).toBe(RANGE.from + 30 * MIN)
    expect(h.venue.calls).toHaveLength(4 + 7)
    expect(stored()).toBe(100)
  })

  it('answers a second start of the same market and timeframe with the running download', async () => {
    h.venue.pageMs = 100
    const [a, b] = await Promise.all([h.service.start(RANGE), h.service.start({ ...RANGE, from: RANGE.from + 10 * MIN })])
    expect(b.downloadId).toBe(a.downloadId)
    const other = await h.service.start({ ...RANGE, timeframe: '5m' })
    expect(other.downloadId).not.toBe(a.downloadId)
    expect(h.service.list().filter((d) => d.status === 'running')).toHaveLength(2)
    await h.run(1_200)
    expect(final().map((e) => e.downloadId).sort()).toEqual([a.downloadId, other.downloadId].sort())
    expect((await h.service.start(RANGE)).downloadId).not.toBe(a.downloadId)
    expect(await h.service.cancel('h-unknown')).toEqual({ downloadId: 'h-unknown', cancelled: false })
  })

  it('a venue refusal fails the download with its message; health stays running', async () => {
    h.venue.fail = (call) => (call === 2 ? new VenueError('rejected', 'fake', 'BTC/USDT:USDT history is not available before listing') : null)
    const { downloadId } = await h.service.start(RANGE)
    await h.settle()
    expect(h.events.at(-1)).toMatchObject({ downloadId, status: 'failed', error: 'BTC/USDT:USDT history is not available before listing', fetched: 20, missing: 80 })
    expect(h.historyHealth()).toEqual({ state: 'running' })
    expect(h.logger.records.some((r) => r.level === 'warn' && r.msg === 'history download failed')).toBe(true)
  })

  it('is degraded while a venue keeps failing, retrying on the clock, and running again once it fails for good or recovers', async () => {
    h.venue.fail = () => new VenueError('rate_limited', 'fake', 'too many requests', { retryAfterMs: 1_000 })
    const { downloadId } = await h.service.start(RANGE)
    await h.settle()
    expect(h.historyHealth()).toMatchObject({ state: 'degraded', detail: expect.stringContaining('too many requests') })
    expect(h.events.at(-1)!.status).toBe('running')
    await h.run(2_000, 250)
    expect(h.events.at(-1)).toMatchObject({ downloadId, status: 'failed', error: 'too many requests' })
    expect(h.venue.calls).toHaveLength(3) // the first try and two retries
    expect(h.historyHealth()).toEqual({ state: 'running' })

    h.venue.fail = (call) => (call < 4 ? new VenueError('retryable', 'fake', 'connection reset') : null)
    const retried = await h.service.start(RANGE)
    await h.settle()
    expect(h.historyHealth().state).toBe('degraded')
    await h.run(1_000, 250)
    expect(h.historyHealth()).toEqual({ state: 'running' })
    expect(h.events.at(-1)).toMatchObject({ downloadId: retried.downloadId, status: 'completed', fetched: 100 })
  })

  it('refuses an unknown venue or symbol, a range past now, one without a complete candle, and one over the cap', async () => {
    const refused = async (input: Partial<DownloadHistoryInput>, message: RegExp | string): Promise<void> => {
      const attempt = h.service.start({ ...RANGE, ...input })
      await expect(attempt).rejects.toBeInstanceOf(HandlerError)
      await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) })
    }
    await refused({ venue: 'nowhere' }, 'Unknown venue "nowhere"; expected one of: fake')
    await refused({ symbol: 'BTC/USD' }, /Unknown symbol "BTC\/USD" on fake; closest: BTC\/USDT:USDT/)
    await refused({ to: T0 + 3_600_000 }, /ends at 2026-01-01T01:00:00.000Z, later than now \(2026-01-01T00:00:00.000Z\)/)
    await refused({ from: T0 - 30_000 }, /holds no complete 1m candle/)
    await refused({ from: T0 - 200_000 * MIN }, /holds 200000 1m candles, more than the 100000 one download may fetch/)
    expect(h.venue.calls).toEqual([])
    expect(h.events).toEqual([])

    // A `to` a few seconds ahead (a renderer's clock) is read as now.
    await h.service.start({ ...RANGE, to: T0 + 5_000 })
    expect(h.events[0]).toMatchObject({ to: T0, total: 100 })
  })

  it(`runs at most ${MAX_RUNNING_DOWNLOADS} downloads at once, and shutdown cancels the running ones`, async () => {
    h.venue.pageMs = 100
    const timeframes = ['1m', '5m', '15m', '1h'] as const
    for (const timeframe of timeframes) await h.service.start({ ...RANGE, from: T0 - 10 * 86_400_000, timeframe })
    await expect(h.service.start({ ...RANGE, timeframe: '4h', from: T0 - 10 * 86_400_000 })).rejects.toMatchObject({ code: 'unavailable' })
    await h.service.shutdown()
    expect(final().map((e) => e.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
    expect(h.components.report().components.find((c) => c.name === 'history')!.state).toBe('stopped')
    await expect(h.service.start(RANGE)).rejects.toMatchObject({ code: 'unavailable' })
  })
})
