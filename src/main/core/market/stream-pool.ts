import type { Logger } from '../../ports/logger'
import type { MarketDataClient, MarketEvent, MarketSubscription } from '../../ports/market-data-client'
import type { FeedHandle, FeedMonitor } from './feed-monitor'
import type { FrameCoalescer } from './frame-coalescer'
import { assertNever, describeStream, streamKey, toMarketStream, type StreamRef } from './stream-ref'

/** Details a released stream closes with: it went away because no one needs it, not because the venue dropped it. */
export const RELEASED_DETAILS: ReadonlySet<string> = new Set(['no watchers left', 'workstation stopping'])

/**
 * One adapter subscription per stream, shared by every watcher of it: the
 * first watcher subscribes, the last one to leave unsubscribes.
 */
export interface StreamPool {
  /** Resolves once the adapter delivers the stream; rejects with the adapter's error (e.g. unknown symbol). */
  acquire(ref: StreamRef): Promise<void>
  release(ref: StreamRef): void
  /** Live adapter subscriptions, for tests and diagnostics. */
  size(): number
  /** Ends every subscription, for shutdown. */
  releaseAll(): Promise<void>
}

export interface StreamPoolOptions {
  client(venue: string): MarketDataClient
  coalescer: FrameCoalescer
  monitor: FeedMonitor
  logger: Logger
  /** Depth every book subscription is taken at; watchers get it cut to what they asked. */
  bookDepth: number
}

interface PooledStream {
  readonly ref: StreamRef
  /** Counted when acquire is called, not when it resolves, so a release can never overtake a pending acquire. */
  refs: number
  active: boolean
  feed: FeedHandle | null
  sawData: boolean
  /** An adapter status that arrived before the subscription resolved (the simulator says 'live' at once). */
  earlyStatus: Extract<MarketEvent, { kind: 'status' }> | null
  subscribed: Promise<MarketSubscription>
}

export function createStreamPool(options: StreamPoolOptions): StreamPool {
  const { coalescer, monitor, logger } = options
  const entries = new Map<string, PooledStream>()

  const route = (entry: PooledStream, event: MarketEvent): void => {
    if (!entry.active) return // a late event from a stream already released
    const { ref } = entry
    switch (event.kind) {
      case 'ticker':
        coalescer.offerTicker(event.ticker)
        break
      case 'book':
        coalescer.offerBook(event.book)
        break
      case 'trades':
        coalescer.offerTrades(ref.venue, ref.symbol, event.trades)
        break
      case 'candle':
        coalescer.offerCandle(ref.venue, ref.symbol, event.timeframe, event.candle)
        break
      case 'funding':
      case 'mark':
        return // never subscribed through a watch
      case 'status':
        if (entry.feed) entry.feed.adapterStatus(event.status, event.detail ?? null)
        else entry.earlyStatus = event
        return
      default:
        return assertNever(event)
    }
    entry.sawData = true
    entry.feed?.touched()
  }

  const open = (ref: StreamRef, key: string): PooledStream => {
    const client = options.client(ref.venue)
    const entry: PooledStream = { ref, refs: 0, active: true, feed: null, sawData: false, earlyStatus: null, subscribed: null! }
    entry.subscribed = client.subscribe(toMarketStream(ref, options.bookDepth), (event) => route(entry, event))
    entries.set(key, entry)
    entry.subscribed.then(
      () => {
        if (!entry.active) return
        // Watched only once it exists: a refused subscription must not announce a stream.
        entry.feed = monitor.track(ref)
        if (entry.earlyStatus) entry.feed.adapterStatus(entry.earlyStatus.status, entry.earlyStatus.detail ?? null)
        if (entry.sawData) entry.feed.touched()
      },
      () => {
        entry.active = false
        if (entries.get(key) === entry) entries.delete(key)
      },
    )
    return entry
  }

  const close = (key: string, entry: PooledStream, detail: string): Promise<void> => {
    entries.delete(key)
    entry.active = false
    coalescer.forget(entry.ref)
    entry.feed?.close(detail)
    return entry.subscribed.then(
      (subscription) => subscription.unsubscribe(),
      () => undefined, // never subscribed: nothing to end
    ).catch((error: unknown) => logger.warn('market unsubscribe failed', { stream: describeStream(entry.ref), err: error }))
  }

  return {
    async acquire(ref) {
      const key = streamKey(ref)
      const entry = entries.get(key) ?? open(ref, key)
      entry.refs++
      try {
        await entry.subscribed
      } catch (error) {
        entry.refs--
        throw error
      }
    },
    release(ref) {
      const key = streamKey(ref)
      const entry = entries.get(key)
      if (!entry) return
      entry.refs--
      if (entry.refs > 0) return
      void close(key, entry, 'no watchers left')
    },
    size: () => entries.size,
    async releaseAll() {
      await Promise.all([...entries].map(([key, entry]) => close(key, entry, 'workstation stopping')))
    },
  }
}
