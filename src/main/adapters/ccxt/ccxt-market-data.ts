import type { Exchange } from 'ccxt'
import type { Candle, Instrument, MarketSymbol, Timeframe, Trade } from '../../../shared/domain/market'
import type { VenueCapabilities } from '../../../shared/domain/venue'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketEvent, MarketStream, MarketSubscription } from '../../ports/market-data-client'
import { VenueError } from '../../ports/venue-error'
import { StopSignal } from './discipline/backoff'
import type { RequestDiscipline } from './discipline/request-discipline'
import { decodeOkxFrame, okxChannelOf } from './exchange/okx-wire'
import type { WireTap } from './exchange/wire-tap'
import type { InstrumentCatalog } from './instruments/instrument-catalog'
import { ccxtBookWatch, ownBookWatch, type WireBookSource } from './market-data/book-sources'
import { toCandles, toTrade } from './market-data/convert-market'
import type { MarketDataTuning } from './market-data/market-data-tuning'
import { pollSource } from './market-data/poll-sources'
import type { SourceContext } from './market-data/source-context'
import { StreamRunner, type StreamSource } from './market-data/stream-runner'
import { SubscriptionAcks } from './market-data/subscription-acks'
import { candlesWatch, fundingWatch, markWatch, tickerWatch, tradesWatch } from './market-data/watch-sources'
import type { VenueProfile } from './profiles/venue-profile'

export interface MarketDataDeps {
  profile: VenueProfile
  exchange: Exchange
  discipline: RequestDiscipline
  catalog: InstrumentCatalog
  wire: WireTap
  clock: Clock
  logger: Logger
  random: () => number
  tuning: MarketDataTuning
}

export interface MarketDataStats {
  resyncs: number
  malformedFrames: number
  reconnects: number
  streams: { key: string; status: string | null }[]
}

const WATCHERS: Readonly<Record<MarketStream['kind'], string>> = {
  ticker: 'watchTicker',
  book: 'watchOrderBook',
  trades: 'watchTrades',
  candles: 'watchOHLCV',
  funding: 'watchFundingRate',
  mark: 'watchMarkPrice',
}

interface Running {
  runner: StreamRunner
  ready: Promise<unknown>
}

/**
 * Market data from one venue through ccxt: WebSocket watchers where ccxt has
 * them, REST polling where not, one runner per stream however many listen.
 */
export class CcxtMarketData implements MarketDataClient {
  readonly venue: string
  readonly capabilities: VenueCapabilities
  private readonly running = new Map<string, Running>()
  private readonly wireBooks = new Map<string, WireBookSource>()
  private readonly acks: SubscriptionAcks
  private readonly counters = { resyncs: 0, malformedFrames: 0, reconnects: 0 }
  private closed = false

  constructor(private readonly deps: MarketDataDeps) {
    this.venue = deps.profile.id
    this.capabilities = deps.profile.capabilities
    this.acks = new SubscriptionAcks(deps.clock)
    if (deps.profile.wire === 'okx') deps.wire.add((url, message) => this.onWire(url, message))
  }

  loadInstruments(): Promise<Instrument[]> {
    return this.deps.catalog.list()
  }

  async subscribe(stream: MarketStream, listener: (event: MarketEvent) => void): Promise<MarketSubscription> {
    if (this.closed) throw new VenueError('unsupported', this.venue, `${this.venue}: market data is closed`)
    const instrument = await this.deps.catalog.resolve(stream.symbol)
    if ((stream.kind === 'funding' || stream.kind === 'mark') && instrument.type !== 'swap') {
      throw new VenueError('unsupported', this.venue, `${this.venue}: ${stream.kind} exists for perpetual swaps only, ${stream.symbol} is ${instrument.type}`)
    }
    const key = streamKey(stream)
    const entry = this.running.get(key) ?? this.start(key, stream, instrument)
    entry.runner.listeners.add(listener)
    await entry.ready
    let active = true
    return {
      stream,
      unsubscribe: async () => {
        if (!active) return
        active = false
        entry.runner.listeners.delete(listener)
        if (entry.runner.listeners.size > 0 || this.running.get(key) !== entry) return
        this.running.delete(key)
        this.wireBooks.delete(stream.kind === 'book' ? instrument.venueSymbol : '')
        await entry.runner.close()
      },
    }
  }

  async fetchCandles(symbol: MarketSymbol, timeframe: Timeframe, since: number | null, limit: number): Promise<Candle[]> {
    const instrument = await this.deps.catalog.resolve(symbol)
    const rows = await this.deps.discipline.run({ endpoint: since === null ? 'candles' : 'history_candles', symbol, action: `fetch ${timeframe} candles of ${symbol}` }, () =>
      this.deps.exchange.fetchOHLCV(instrument.symbol, timeframe, since ?? undefined, limit),
    )
    return toCandles(rows)
  }

  async fetchTrades(symbol: MarketSymbol, since: number | null, limit: number): Promise<Trade[]> {
    const instrument = await this.deps.catalog.resolve(symbol)
    const raw = await this.deps.discipline.run({ endpoint: 'trades', symbol, action: `fetch trades of ${symbol}` }, () =>
      this.deps.exchange.fetchTrades(instrument.symbol, since ?? undefined, limit),
    )
    return raw.flatMap((t) => toTrade(this.venue, instrument.symbol, t) ?? []).sort((a, b) => a.timestamp - b.timestamp)
  }

  stats(): MarketDataStats {
    return { ...this.counters, streams: [...this.running].map(([key, entry]) => ({ key, status: entry.runner.currentStatus })) }
  }

  async close(): Promise<void> {
    this.closed = true
    const all = [...this.running.values()]
    this.running.clear()
    this.wireBooks.clear()
    await Promise.all(all.map((entry) => entry.runner.close()))
  }

  private start(key: string, stream: MarketStream, instrument: Instrument): Running {
    let runner: StreamRunner | null = null
    const ctx: SourceContext = {
      profile: this.deps.profile,
      exchange: this.deps.exchange,
      discipline: this.deps.discipline,
      clock: this.deps.clock,
      stop: new StopSignal(),
      instrument,
      stream,
      requestResync: (reason) => runner?.requestResync(reason),
    }
    const source = this.createSource(ctx, stream, instrument)
    const { tuning, clock, logger, random } = this.deps
    runner = new StreamRunner(stream, source, {
      clock,
      logger,
      random,
      reconnect: tuning.reconnect,
      staleAfterMs: tuning.staleAfterMs[stream.kind],
      staleCheckMs: tuning.staleCheckMs,
      onResync: (s, reason) => {
        this.counters.resyncs++
        logger.warn('order book resync', { venue: this.venue, symbol: s.symbol, stream: s.kind, reason, resyncs: this.counters.resyncs })
      },
      onReconnect: (s, reason) => {
        this.counters.reconnects++
        logger.info('market stream reconnecting', { venue: this.venue, symbol: s.symbol, stream: s.kind, reason })
      },
    })
    const acknowledged = this.deps.profile.wire === 'okx' && this.usesWatcher(stream)
    const ready = acknowledged ? this.acks.wait(okxChannelOf(stream), instrument.venueSymbol, tuning.subscribeTimeoutMs) : waitAtMost(runner.live, clock, tuning.subscribeTimeoutMs)
    const entry = { runner, ready }
    this.running.set(key, entry)
    runner.start()
    return entry
  }

  private usesWatcher(stream: MarketStream): boolean {
    return this.deps.profile.streams[stream.kind] && this.deps.exchange.has[WATCHERS[stream.kind]] === true
  }

  private createSource(ctx: SourceContext, stream: MarketStream, instrument: Instrument): StreamSource {
    const depth = stream.kind === 'book' ? (stream.depth ?? this.deps.tuning.defaultBookDepth) : 0
    if (!this.usesWatcher(stream)) return pollSource(ctx, this.deps.tuning.pollIntervalMs[stream.kind], depth)
    switch (stream.kind) {
      case 'ticker':
        return tickerWatch(ctx)
      case 'book': {
        if (this.deps.profile.wire !== 'okx') return ccxtBookWatch(ctx, depth)
        const source = ownBookWatch(ctx, depth)
        this.wireBooks.set(instrument.venueSymbol, source)
        return source
      }
      case 'trades':
        return tradesWatch(ctx)
      case 'candles':
        return candlesWatch(ctx, stream.timeframe)
      case 'funding':
        return fundingWatch(ctx)
      case 'mark':
        return markWatch(ctx)
      default: {
        const unreachable: never = stream
        return unreachable
      }
    }
  }

  private onWire(url: string, message: unknown): void {
    const event = decodeOkxFrame(message)
    switch (event.type) {
      case 'subscribed':
        this.acks.acknowledge(event.channel, event.instId)
        return
      case 'book':
        this.wireBooks.get(event.instId)?.onWire(event)
        return
      case 'malformed':
        // Only public book frames are ours to judge; a broken private frame is the execution side's concern.
        if (!url.includes('/public') || (event.channel !== null && event.channel !== 'books')) return
        this.counters.malformedFrames++
        this.deps.logger.warn('malformed market data frame', { venue: this.venue, instId: event.instId, detail: event.detail, malformedFrames: this.counters.malformedFrames })
        for (const [instId, source] of this.wireBooks) if (event.instId === null || event.instId === instId) source.onWire(event)
        return
      case 'other':
        return
      default: {
        const unreachable: never = event
        return unreachable
      }
    }
  }
}

/** One runner per stream; books are keyed by symbol alone, whatever depth was asked. */
export function streamKey(stream: MarketStream): string {
  return stream.kind === 'candles' ? `candles:${stream.symbol}:${stream.timeframe}` : `${stream.kind}:${stream.symbol}`
}

function waitAtMost(promise: Promise<unknown>, clock: Clock, ms: number): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => resolve(undefined), ms)
    void promise.then(() => {
      timer.cancel()
      resolve(undefined)
    })
  })
}
