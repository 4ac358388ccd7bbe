import { TIMEFRAME_MS, type Candle, type MarketSymbol, type Timeframe } from '../../../../shared/domain/market'
import type { Clock } from '../../../ports/clock'
import type { MarketDataClient } from '../../../ports/market-data-client'
import type { MarketStore, TimeRange } from '../../../ports/market-store'
import { isVenueError, type VenueError } from '../../../ports/venue-error'

export interface DownloadProgress {
  /** Candle buckets of the range accounted for: already stored, downloaded, or found missing at the venue. */
  done: number
  total: number
  /** Candles received from the venue in this run. */
  fetched: number
}

export interface DownloadRetry {
  clock: Clock
  /** Retries per page after the first attempt; default 3. */
  attempts?: number
  /** Told before each wait, so a caller can report a venue that keeps failing. */
  onRetry?: (error: VenueError, attempt: number, waitMs: number) => void
}

export interface DownloadHistoryOptions {
  client: Pick<MarketDataClient, 'fetchCandles'>
  store: Pick<MarketStore, 'upsertCandles' | 'missingCandleRanges'>
  venue: string
  symbol: MarketSymbol
  timeframe: Timeframe
  /** Start of the range; rounded up to the timeframe. */
  from: number
  /** End of the range, exclusive: only candles that have closed by `to` are stored, never a partial one. */
  to: number
  /** Candles asked for per request; venues cap it (Binance 1,000, OKX 300). */
  pageLimit?: number
  onProgress?: (progress: DownloadProgress) => void
  /** Retries of retryable venue errors (after `retryAfterMs`, or doubling from 1 s); without a clock they are thrown. */
  retry?: DownloadRetry
  /** Stops at once, even mid-request or mid-wait: a page that arrives after the abort is dropped, not stored. */
  signal?: AbortSignal
}

export interface DownloadResult extends DownloadProgress {
  pages: number
  /** Rows inserted or changed in the store. */
  stored: number
  /** Ranges the venue had no candles for (listing date, outages); a later run asks again. */
  unavailable: TimeRange[]
  aborted: boolean
}

const ABORTED = Symbol('aborted')

/**
 * Fills the store's gaps for one market and timeframe by paging through
 * fetchCandles. It starts from what the store lacks, so an interrupted
 * download resumes where it stopped, and stores each page as it arrives.
 * A gap ends when the venue returns nothing new for it (it has no data
 * there, or ignores `since`), so a misbehaving venue cannot loop it forever.
 * Kernel logic over two ports: the venue's MarketDataClient and the MarketStore.
 */
export async function downloadHistory(options: DownloadHistoryOptions): Promise<DownloadResult> {
  const { store, venue, symbol, timeframe, pageLimit = 500 } = options
  if (!(Number.isInteger(pageLimit) && pageLimit > 0)) throw new RangeError(`pageLimit must be a positive whole number, received ${pageLimit}`)
  const ms = TIMEFRAME_MS[timeframe]
  const key = { venue, symbol, timeframe }
  const start = Math.ceil(options.from / ms) * ms
  const stop = Math.max(start, Math.floor(options.to / ms) * ms)
  const gaps = store.missingCandleRanges(key, start, stop)
  const total = (stop - start) / ms
  const missing = gaps.reduce((n, g) => n + Math.max(0, (g.to - g.from) / ms), 0)
  const result: DownloadResult = { done: total - missing, total, fetched: 0, pages: 0, stored: 0, unavailable: [], aborted: false }
  const report = (): void => options.onProgress?.({ done: result.done, total: result.total, fetched: result.fetched })
  report()

  for (const gap of gaps) {
    let cursor = gap.from
    while (cursor < gap.to) {
      const page = options.signal?.aborted ? ABORTED : await fetchPage(options, cursor, pageLimit)
      if (page === ABORTED) {
        result.aborted = true
        return result
      }
      result.pages++
      // Off-grid candles are not filtered out here: the store refuses them loudly (a venue
      // aligning daily candles to UTC+8 must be fixed in its adapter, not leave silent holes).
      const fresh = page.filter((c) => c.timestamp >= cursor && c.timestamp < gap.to).sort((a, b) => a.timestamp - b.timestamp)
      if (fresh.length === 0) break
      result.fetched += fresh.length
      result.stored += store.upsertCandles(key, fresh)
      const next = fresh.at(-1)!.timestamp + ms
      result.done += (next - cursor) / ms
      cursor = next
      report()
    }
    if (cursor < gap.to) {
      result.unavailable.push({ from: cursor, to: gap.to })
      result.done += (gap.to - cursor) / ms
      report()
    }
  }
  return result
}

async function fetchPage(options: DownloadHistoryOptions, since: number, limit: number): Promise<Candle[] | typeof ABORTED> {
  const { retry, signal } = options
  const attempts = retry ? (retry.attempts ?? 3) : 0
  for (let attempt = 0; ; attempt++) {
    try {
      return await untilAborted(options.client.fetchCandles(options.symbol, options.timeframe, since, limit), signal)
    } catch (error) {
      if (!retry || attempt >= attempts || !isVenueError(error) || !error.retryable) throw error
      const wait = error.retryAfterMs ?? 1_000 * 2 ** attempt
      retry.onRetry?.(error, attempt + 1, wait)
      if ((await untilAborted(sleep(retry.clock, wait, signal), signal)) === ABORTED) return ABORTED
    }
  }
}

/** The promise's value, or ABORTED as soon as the signal fires (a venue request cannot be recalled, only ignored). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return promise
  if (signal.aborted) return Promise.resolve(ABORTED)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** A wait on the kernel clock whose timer is cancelled on abort, so nothing lingers on the clock afterwards. */
function sleep(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => timer.cancel()
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
