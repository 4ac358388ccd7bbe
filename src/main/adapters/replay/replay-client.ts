import { TimeframeSchema, type Candle, type Instrument, type Timeframe, type Trade } from '../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { MarketDataClient, MarketStream } from '../../ports/market-data-client'
import { VenueError } from '../../ports/venue-error'
import { parseCandleRecording } from './parse-candles'
import { parseTradeRecording } from './parse-trades'
import { readSourceText } from './read-source'
import { replayCapabilities, replayInstrument } from './replay-instrument'
import { createStatsCollector, type ReplayStats } from './replay-stats'
import { createReplayStreams } from './replay-streams'
import { loadTimeline, type Timeline } from './timeline'

export interface ReplaySource {
  kind: 'trades' | 'candles'
  /** A JSON or CSV file, gzipped or not. */
  path?: string
  /** Rows already parsed from JSON, in either recorded shape. */
  rows?: readonly unknown[]
  /** File contents, JSON or CSV. */
  text?: string
  /** Candle recordings only: the timeframe, when it should not be inferred from the spacing. */
  timeframe?: Timeframe
}

/** Full speed for backtests; paced replays recorded time divided by `speed` on the clock (2 = twice as fast). */
export type ReplayMode = { kind: 'full' } | { kind: 'paced'; speed: number }

export interface ReplayClientOptions {
  /** In full mode a clock with `advance(ms)` (the test clock) is moved to each event's recorded time before it is emitted. */
  clock: Clock
  venue: string
  /** The symbol the recording is replayed as (recordings may be relabelled). */
  symbol: string
  source: ReplaySource
  mode: ReplayMode
  instrument?: Partial<Instrument>
  onListenerError?: (error: unknown) => void
}

export interface ReplayClient extends MarketDataClient {
  /** Emits the whole recording (full) or starts pacing it (paced); resolves when it ends or the client closes. */
  run(): Promise<ReplayStats>
  stats(): ReplayStats
}

interface AdvanceableClock extends Clock {
  advance(ms: number): void
}
const canAdvance = (clock: Clock): clock is AdvanceableClock => typeof (clock as Partial<AdvanceableClock>).advance === 'function'

/**
 * Replays recorded trades or candles through the MarketDataClient port, so a
 * backtest runs the same kernel code as live trading. Trades yield trade
 * batches (one per recorded timestamp), a book-less ticker and candles of
 * every timeframe; candles yield themselves at their close time (never at
 * their open, which would leak the future into a backtest) and the larger
 * timeframes built from them. fetchCandles and fetchTrades only see what has
 * been replayed so far, for the same reason.
 */
export function createReplayClient(options: ReplayClientOptions): ReplayClient {
  const { clock, venue, symbol, source, mode } = options
  if (mode.kind === 'paced' && !(mode.speed > 0 && Number.isFinite(mode.speed))) throw new RangeError(`Paced replay needs a speed above 0, received ${mode.speed}`)
  const collector = createStatsCollector(source.path ?? (source.rows ? 'rows' : 'text'), source.kind)
  const streams = createReplayStreams(options.onListenerError ?? ((error) => queueMicrotask(() => { throw error })))
  const hasTrades = source.kind === 'trades'
  let timeline: Timeline | null = null
  let loading: Promise<Timeline> | null = null
  let instrument: Instrument = replayInstrument(venue, symbol, [], [], options.instrument)
  let running: Promise<ReplayStats> | null = null
  let timer: TimerHandle | null = null
  let finish: (() => void) | null = null
  let closed = false

  const load = (): Promise<Timeline> =>
    (loading ??= (async () => {
      const text = source.rows ?? source.text ?? (source.path !== undefined ? await readSourceText(source.path) : '')
      if (hasTrades) timeline = loadTimeline({ kind: 'trades', trades: parseTradeRecording(text, venue, symbol, collector) })
      else timeline = loadTimeline({ kind: 'candles', ...parseCandleRecording(venue, text, collector, source.timeframe) })
      instrument = replayInstrument(venue, symbol, timeline.prices(), timeline.sizes(), options.instrument)
      return timeline
    })())

  const emitGroup = (t: Timeline, index: number): void => {
    const group = t.groups[index]!
    // The replay's present includes this instant before anyone hears of it.
    t.replayed = index + 1
    let last: number
    if (group.trades) {
      for (const trade of group.trades) t.builder.add(trade.timestamp, trade.price, trade.price, trade.price, trade.price, trade.amount)
      collector.stats.eventsEmitted += streams.emit('trades', { kind: 'trades', trades: group.trades })
      last = group.trades.at(-1)!.price
    } else {
      const c = group.candle!
      t.builder.add(c.timestamp, c.open, c.high, c.low, c.close, c.volume)
      last = c.close
    }
    for (const { timeframe, candle } of t.builder.drain(streams.hasCandles)) {
      collector.stats.eventsEmitted += streams.emit(`candles|${timeframe}`, { kind: 'candle', symbol, timeframe, candle })
    }
    if (streams.has('ticker')) {
      const ticker = { venue, symbol, bid: null, ask: null, bidSize: null, askSize: null, last, baseVolume: null, timestamp: group.at }
      collector.stats.eventsEmitted += streams.emit('ticker', { kind: 'ticker', ticker })
    }
  }

  const ended = (resolve: (stats: ReplayStats) => void): void => {
    timer?.cancel()
    timer = null
    finish = null
    if (!closed) {
      collector.stats.finished = true
      streams.announceClosed('end of recording')
    }
    resolve(structuredClone(collector.stats))
  }

  const runFull = (t: Timeline, resolve: (stats: ReplayStats) => void): void => {
    const advance = canAdvance(clock) ? clock : null
    for (let i = t.replayed; i < t.groups.length && !closed; i++) {
      const at = t.groups[i]!.at
      if (advance && at > advance.now()) advance.advance(at - advance.now())
      emitGroup(t, i)
    }
    ended(resolve)
  }

  const runPaced = (t: Timeline, speed: number, resolve: (stats: ReplayStats) => void): void => {
    const startedAt = clock.now()
    const firstAt = t.groups[0]?.at ?? 0
    const dueAt = (i: number): number => startedAt + (t.groups[i]!.at - firstAt) / speed
    finish = () => ended(resolve)
    const tick = (): void => {
      timer = null
      while (!closed && t.replayed < t.groups.length && dueAt(t.replayed) <= clock.now()) emitGroup(t, t.replayed)
      if (closed || t.replayed >= t.groups.length) ended(resolve)
      else timer = clock.setTimeout(tick, dueAt(t.replayed) - clock.now())
    }
    tick()
  }

  const checkSymbol = (requested: string): void => {
    if (closed) throw new VenueError('rejected', venue, 'This replay was closed; create a new one')
    if (requested !== symbol) throw new VenueError('not_found', venue, `Unknown symbol "${requested}" in this replay; closest matches: ${symbol}`)
  }

  const checkTimeframe = (t: Timeline, timeframe: Timeframe): void => {
    if (!TimeframeSchema.safeParse(timeframe).success || !t.builder.timeframes.includes(timeframe)) {
      throw new VenueError('unsupported', venue, `This ${source.kind} recording yields candles of ${t.builder.timeframes.join(', ')}, not "${String(timeframe)}"`)
    }
  }

  const checkStream = (t: Timeline, stream: MarketStream): void => {
    if (stream.kind === 'candles') return checkTimeframe(t, stream.timeframe)
    if (stream.kind === 'ticker' || (stream.kind === 'trades' && hasTrades)) return
    throw new VenueError('unsupported', venue, `A ${source.kind} recording has no ${stream.kind} stream; it serves ticker, candles${hasTrades ? ', trades' : ''}`)
  }

  const client: ReplayClient = {
    venue,
    get capabilities() {
      return replayCapabilities(instrument, hasTrades)
    },
    async loadInstruments() {
      await load()
      return [instrument]
    },
    async subscribe(stream, listener) {
      checkSymbol(stream.symbol)
      checkStream(timeline ?? (await load()), stream)
      const remove = streams.add(stream, listener)
      return { stream, unsubscribe: async () => remove() }
    },
    async fetchCandles(requested, timeframe, since, limit) {
      checkSymbol(requested)
      // Once loaded, fetches read the replay's state without awaiting anything
      // (even `await value` defers): a fetch made by a listener mid-replay must
      // see that moment, not where the full-speed loop is when it settles.
      const t = timeline ?? (await load())
      checkTimeframe(t, timeframe)
      return pageOf(t.builder.series(timeframe), since, limit)
    },
    async fetchTrades(requested, since, limit) {
      checkSymbol(requested)
      if (!hasTrades) throw new VenueError('unsupported', venue, 'A candles recording has no trades')
      const t = timeline ?? (await load())
      return pageOf(t.trades.slice(0, t.replayed ? t.groups[t.replayed - 1]!.end : 0), since, limit)
    },
    run() {
      return (running ??= load().then((t) => new Promise<ReplayStats>((resolve) => (mode.kind === 'full' ? runFull(t, resolve) : runPaced(t, mode.speed, resolve)))))
    },
    stats: () => structuredClone(collector.stats),
    async close() {
      if (closed) return
      closed = true
      timer?.cancel()
      timer = null
      streams.closeAll('replay closed')
      finish?.()
    },
  }
  return client
}

/** ccxt's paging: from `since` onwards, or the most recent `limit` when there is no `since`. */
function pageOf<T extends Candle | Trade>(items: T[], since: number | null, limit: number): T[] {
  const n = Math.max(0, Math.floor(limit))
  if (since === null) return items.slice(Math.max(0, items.length - n))
  return items.filter((item) => item.timestamp >= since).slice(0, n)
}

