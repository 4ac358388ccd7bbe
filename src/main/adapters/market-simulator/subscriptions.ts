import type { MarketEvent, MarketStream } from '../../ports/market-data-client'

export interface SubscriptionEntry {
  readonly stream: MarketStream
  readonly listener: (event: MarketEvent) => void
  /** True until the entry's first tick, so it gets a snapshot even of values that did not change. */
  fresh: boolean
}

export interface StreamGroup {
  readonly stream: MarketStream
  readonly entries: Set<SubscriptionEntry>
}

/**
 * Subscriptions grouped by stream and counted: two chart panes on the same
 * book share one stream, and the stream ends when the last one leaves.
 * Groups iterate in the order they were first opened, so emission order is
 * deterministic.
 */
export interface SubscriptionRegistry {
  add(stream: MarketStream, listener: (event: MarketEvent) => void): SubscriptionEntry
  /** Idempotent: removing twice is harmless. */
  remove(entry: SubscriptionEntry): void
  groups(): Iterable<StreamGroup>
  readonly size: number
  /** Removes everything and returns what was there. */
  clear(): SubscriptionEntry[]
}

export function streamKey(stream: MarketStream): string {
  switch (stream.kind) {
    case 'book':
      return `book|${stream.symbol}|${stream.depth ?? ''}`
    case 'candles':
      return `candles|${stream.symbol}|${stream.timeframe}`
    case 'ticker':
    case 'trades':
    case 'funding':
    case 'mark':
      return `${stream.kind}|${stream.symbol}`
    default: {
      const never: never = stream
      throw new Error(`Unknown market stream ${JSON.stringify(never)}`)
    }
  }
}

export function createSubscriptionRegistry(): SubscriptionRegistry {
  const groups = new Map<string, StreamGroup>()
  let size = 0
  return {
    add(stream, listener) {
      const key = streamKey(stream)
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { stream, entries: new Set() }))
      const entry: SubscriptionEntry = { stream, listener, fresh: true }
      group.entries.add(entry)
      size++
      return entry
    },
    remove(entry) {
      const key = streamKey(entry.stream)
      const group = groups.get(key)
      if (!group?.entries.delete(entry)) return
      size--
      if (group.entries.size === 0) groups.delete(key)
    },
    groups: () => [...groups.values()],
    get size() {
      return size
    },
    clear() {
      const all = [...groups.values()].flatMap((g) => [...g.entries])
      groups.clear()
      size = 0
      return all
    },
  }
}
