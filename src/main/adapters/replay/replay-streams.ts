import type { Timeframe } from '../../../shared/domain/market'
import type { MarketEvent, MarketStream } from '../../ports/market-data-client'

type Listener = (event: MarketEvent) => void
interface Entry {
  stream: MarketStream
  listener: Listener
}

/** Listeners of one replay, keyed by stream ('trades', 'ticker', 'candles|1m'). */
export interface ReplayStreams {
  add(stream: MarketStream, listener: Listener): () => void
  has(key: string): boolean
  /** Hands one event to every listener of a stream; returns 1 if anyone listened (for the event count). */
  emit(key: string, event: MarketEvent): number
  hasCandles(timeframe: Timeframe): boolean
  /** Removes every listener, telling each the stream has closed. */
  closeAll(detail: string): void
  /** Tells every listener the stream has closed, but keeps them (the recording ended). */
  announceClosed(detail: string): void
}

export function replayStreamKey(stream: MarketStream): string {
  return stream.kind === 'candles' ? `candles|${stream.timeframe}` : stream.kind
}

export function createReplayStreams(onListenerError: (error: unknown) => void): ReplayStreams {
  const byKey = new Map<string, Set<Entry>>()
  const call = (entry: Entry, event: MarketEvent): void => {
    // One failing listener must not stop a backtest for the others.
    try {
      entry.listener(event)
    } catch (error) {
      onListenerError(error)
    }
  }
  const all = (): Entry[] => [...byKey.values()].flatMap((set) => [...set])
  return {
    add(stream, listener) {
      const key = replayStreamKey(stream)
      const entry = { stream, listener }
      let set = byKey.get(key)
      if (!set) byKey.set(key, (set = new Set()))
      set.add(entry)
      call(entry, { kind: 'status', stream, status: 'live' })
      return () => {
        set.delete(entry)
        if (set.size === 0 && byKey.get(key) === set) byKey.delete(key)
      }
    },
    has: (key) => byKey.has(key),
    emit(key, event) {
      const set = byKey.get(key)
      if (!set) return 0
      for (const entry of set) call(entry, event)
      return 1
    },
    hasCandles: (timeframe) => byKey.has(`candles|${timeframe}`),
    closeAll(detail) {
      const entries = all()
      byKey.clear()
      for (const entry of entries) call(entry, { kind: 'status', stream: entry.stream, status: 'closed', detail })
    },
    announceClosed(detail) {
      for (const entry of all()) call(entry, { kind: 'status', stream: entry.stream, status: 'closed', detail })
    },
  }
}
