import { MAX_DOWNLOAD_CANDLES, type DownloadHistoryInput, type DownloadStatus, type HistoryDownload } from '../../../../shared/contract/domains/market-history'
import { HandlerError } from '../../../../shared/contract/envelope'
import { TIMEFRAME_MS } from '../../../../shared/domain/market'
import type { Clock } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import type { CandleKey, MarketStore } from '../../../ports/market-store'
import type { AuditLog } from '../../../ports/store'
import type { EventBus } from '../../bus/event-bus'
import type { KernelEvents } from '../../bus/kernel-events'
import type { ComponentRegistry } from '../../lifecycle/component-registry'
import { closestMatches as closestSymbols } from '../../../../shared/market/closest-symbols'
import { toHandlerError } from '../venue-error-envelope'
import type { VenueRegistry } from '../venue-registry'
import { downloadHistory, type DownloadResult } from './download-history'
import { checkDownloadRange } from './download-range'
import { createProgressThrottle, type ProgressThrottle } from './progress-throttle'

export const HISTORY_COMPONENT = 'history'
export const PROGRESS_INTERVAL_MS = 250
/** Downloads at once across all venues: more would only queue behind the venues' rate limits. */
export const MAX_RUNNING_DOWNLOADS = 4
/** Finished downloads `list()` remembers. */
const KEEP_FINISHED = 20

export interface HistoryService {
  start(input: DownloadHistoryInput): Promise<{ downloadId: string }>
  /** Resolves once the download has stopped and its final event is out, so the same range may start again at once. */
  cancel(downloadId: string): Promise<{ downloadId: string; cancelled: boolean }>
  /** Newest first. */
  list(): HistoryDownload[]
  shutdown(): Promise<void>
}

export interface HistoryServiceDeps {
  clock: Clock
  bus: EventBus<KernelEvents>
  logger: Logger
  components: ComponentRegistry
  venues: Pick<VenueRegistry, 'get' | 'connect'>
  store: Pick<MarketStore, 'upsertCandles' | 'missingCandleRanges'>
  audit: AuditLog
  pageLimit?: number
  /** Retries of each page after a retryable venue error; default 5 (1 + 2 + 4 + 8 + 16 s without a Retry-After). */
  retryAttempts?: number
  maxCandles?: number
  progressMs?: number
}

interface Running {
  readonly view: HistoryDownload
  readonly key: CandleKey
  readonly controller: AbortController
  readonly throttle: ProgressThrottle
  /** Set while the venue keeps failing and the download waits to retry; the health detail. */
  retrying: string | null
  finished: Promise<void>
}

const keyOf = (k: CandleKey): string => `${k.venue}|${k.symbol}|${k.timeframe}`
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Candle history downloads in the background: one per market and timeframe
 * at a time, progress on the bus (throttled, plus a final event), cancel by
 * id, retries on the kernel clock, and an audit entry for each completed one.
 */
export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const { clock, bus, store } = deps
  const logger = deps.logger.child({ component: HISTORY_COMPONENT })
  const maxCandles = deps.maxCandles ?? MAX_DOWNLOAD_CANDLES
  const component = deps.components.register(HISTORY_COMPONENT)
  component.set('running')
  const running = new Map<string, Running>() // by downloadId
  const history: HistoryDownload[] = [] // every download still listed, in start order
  const bootTag = clock.now().toString(36)
  let seq = 0
  let stopping = false

  const publish = (view: HistoryDownload): void => bus.publish('market.historyProgressed', { ...view })

  const refreshHealth = (): void => {
    if (stopping) return
    const failing = [...running.values()].flatMap((r) => (r.retrying ? [r.retrying] : []))
    component.set(failing.length ? 'degraded' : 'running', failing.length ? failing.join('; ') : undefined)
  }

  const findRunning = (key: CandleKey): Running | undefined => [...running.values()].find((r) => keyOf(r.key) === keyOf(key))

  // What the store still lacks when a download ends: the buckets the venue had nothing for (or, if cut short, not yet fetched).
  const missingAfter = (r: Running): number => {
    const ms = TIMEFRAME_MS[r.key.timeframe]
    try {
      return store.missingCandleRanges(r.key, r.view.from, Math.floor(r.view.to / ms) * ms).reduce((n, g) => n + (g.to - g.from) / ms, 0)
    } catch (error) {
      logger.warn('could not count the candles still missing', { err: error })
      return r.view.total - r.view.done
    }
  }

  const finish = (r: Running, status: DownloadStatus, error: string | null, result: DownloadResult | null): void => {
    r.throttle.cancel()
    running.delete(r.view.downloadId)
    Object.assign(r.view, { status, error, endedAt: clock.now(), missing: missingAfter(r) })
    const done = history.filter((v) => v.status !== 'running')
    if (done.length > KEEP_FINISHED) history.splice(history.indexOf(done[0]!), 1)
    const { downloadId, venue, symbol, timeframe, from, to, total, fetched, missing } = r.view
    if (status === 'completed' && result) {
      const payload = { downloadId, venue, symbol, timeframe, from, to, total, fetched, stored: result.stored, pages: result.pages, missing }
      try {
        deps.audit.append({ kind: 'market.historyDownloaded', actor: 'user', subject: `${venue} ${symbol} ${timeframe}`, payload }, clock.now())
      } catch (error) {
        // The candles are stored either way; a download must not stay "running" because the profile database failed.
        logger.error('could not audit a completed history download', { downloadId, err: error })
      }
    }
    const fields = { downloadId, venue, symbol, timeframe, total, fetched, missing }
    if (status === 'failed') logger.warn('history download failed', { ...fields, error })
    else logger.info(`history download ${status}`, fields)
    publish(r.view)
    refreshHealth()
  }

  const run = async (r: Running): Promise<void> => {
    let outcome: [DownloadStatus, string | null, DownloadResult | null]
    try {
      const result = await downloadHistory({
        client: deps.venues.get(r.key.venue).client,
        store,
        ...r.key,
        from: r.view.from,
        to: r.view.to,
        ...(deps.pageLimit === undefined ? {} : { pageLimit: deps.pageLimit }),
        signal: r.controller.signal,
        onProgress: ({ done, total, fetched }) => {
          Object.assign(r.view, { done, total, fetched })
          if (r.retrying) {
            r.retrying = null
            refreshHealth()
          }
          r.throttle.push()
        },
        retry: {
          clock,
          attempts: deps.retryAttempts ?? 5,
          onRetry: (error, attempt, waitMs) => {
            r.retrying = `${r.key.symbol} ${r.key.timeframe} on ${r.key.venue}: ${error.message} (retry ${attempt} in ${Math.round(waitMs / 1000)} s)`
            logger.warn('history download retrying', { downloadId: r.view.downloadId, attempt, waitMs, err: error })
            refreshHealth()
          },
        },
      })
      outcome = [result.aborted ? 'cancelled' : 'completed', null, result]
    } catch (error) {
      outcome = [r.controller.signal.aborted ? 'cancelled' : 'failed', messageOf(error), null]
    }
    finish(r, ...outcome)
  }

  return {
    async start(input) {
      if (stopping) throw new HandlerError('unavailable', 'The workstation is shutting down')
      deps.venues.get(input.venue) // an unknown venue is refused before anything is attempted
      const range = checkDownloadRange(input, clock.now(), maxCandles)
      let instruments
      try {
        instruments = await deps.venues.connect(input.venue)
      } catch (error) {
        throw toHandlerError(error, 'Loading the market list')
      }
      if (!instruments.some((i) => i.symbol === input.symbol)) {
        const near = closestSymbols(input.symbol, instruments.map((i) => i.symbol))
        throw new HandlerError('invalid_input', `Unknown symbol ${JSON.stringify(input.symbol)} on ${input.venue}; closest: ${near.join(', ') || 'none'}`)
      }
      const key: CandleKey = { venue: input.venue, symbol: input.symbol, timeframe: input.timeframe }
      // Checked after the await, with nothing awaited before the insert, so two racing starts cannot both pass.
      const same = findRunning(key)
      if (same) return { downloadId: same.view.downloadId }
      if (stopping) throw new HandlerError('unavailable', 'The workstation is shutting down')
      if (running.size >= MAX_RUNNING_DOWNLOADS) {
        throw new HandlerError('unavailable', `${MAX_RUNNING_DOWNLOADS} history downloads are already running; wait for one to finish or cancel one`)
      }

      const downloadId = `h${bootTag}-${++seq}`
      const view: HistoryDownload = { downloadId, ...key, from: range.from, to: range.to, status: 'running', done: 0, total: range.candles, fetched: 0, missing: 0, error: null, startedAt: clock.now(), endedAt: null }
      const r: Running = { view, key, controller: new AbortController(), throttle: createProgressThrottle(clock, deps.progressMs ?? PROGRESS_INTERVAL_MS, () => publish(view)), retrying: null, finished: Promise.resolve() }
      running.set(downloadId, r)
      history.push(view)
      logger.info('history download started', { downloadId, ...key, from: range.from, to: range.to, candles: range.candles })
      r.finished = run(r)
      return { downloadId }
    },
    async cancel(downloadId) {
      const r = running.get(downloadId)
      if (!r) return { downloadId, cancelled: false }
      r.controller.abort()
      await r.finished
      return { downloadId, cancelled: true }
    },
    list: () => history.map((v) => ({ ...v })).reverse(),
    async shutdown() {
      stopping = true
      const all = [...running.values()]
      for (const r of all) r.controller.abort()
      await Promise.all(all.map((r) => r.finished))
      component.set('stopped')
    },
  }
}
