import type { RiskScope } from '../../../shared/contract/domains/risk'
import type { VenueId } from '../../../shared/domain/market'
import type { Clock } from '../../ports/clock'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { STALE_AFTER_MS } from '../market/feed-monitor'
import { RELEASED_DETAILS } from '../market/stream-pool'
import type { QuoteCache } from '../orders/quote-cache'
import { classifyBook, type BookCondition, type BreakerInput } from '../risk'
import type { BreakerBoard } from './breaker-board'

/** Market inputs reach the breakers at most this often per scope: enough for minute windows, cheap on busy books. */
export const BREAKER_FEED_MS = 1_000

export interface BreakerFeedsDeps {
  breakers: Pick<BreakerBoard, 'feed'>
  clock: Clock
  bus: EventBus<KernelEvents>
  quotes: Pick<QuoteCache, 'onMark' | 'watched'>
  accounts: () => ReadonlyArray<{ id: string; venue: VenueId }>
  /** A book not refreshed for this long is stale; the market feed's own limit by default. */
  bookStaleMs?: number
}

/** One venue call's outcome counts against its account and against the desk. */
export function feedApiCall(breakers: Pick<BreakerBoard, 'feed'>, accountId: string, ok: boolean, at: number): void {
  breakers.feed({ kind: 'account', accountId }, { kind: 'api_call', at, ok })
  breakers.feed({ kind: 'desk' }, { kind: 'api_call', at, ok })
}

interface Scope {
  key: string
  scope: RiskScope
  venues: (venue: VenueId) => boolean
  /** The desk sees every venue, so its symbols carry the venue. */
  name: (venue: VenueId, symbol: string) => string
}

/**
 * Feeds the breakers what the order path sees of the market: marks (for
 * volatility), book anomalies and the venues' feed status, for each account
 * (its venue) and for the desk. One clock interval drives it all: marks are
 * gathered between beats as a low and a high per symbol, books are judged on
 * each beat, and a `tick` lets durations (a disconnection) trip with nothing
 * else happening. Only changes of a book's condition or a connection are fed.
 */
export function startBreakerFeeds(deps: BreakerFeedsDeps): () => void {
  const { breakers, clock } = deps
  const staleMs = deps.bookStaleMs ?? STALE_AFTER_MS
  const ranges = new Map<string, { venue: VenueId; symbol: string; low: number; high: number }>()
  // Per venue: each stream that is not delivering, and since when.
  const down = new Map<VenueId, Map<string, number>>()
  // What each scope was last told, so only changes are fed.
  const fedBooks = new Map<string, Map<string, BookCondition>>()
  const fedDownSince = new Map<string, number | null>()

  const offMark = deps.quotes.onMark((venue, symbol, price) => {
    const k = `${venue}|${symbol}`
    const range = ranges.get(k)
    if (range) {
      range.low = Math.min(range.low, price)
      range.high = Math.max(range.high, price)
    } else ranges.set(k, { venue, symbol, low: price, high: price })
  })

  const offFeed = deps.bus.subscribe('market.feedStatusChanged', (change) => {
    // Only streams that always move say whether the venue is reachable: a quiet
    // market prints no trade and closes no candle for minutes, and that must
    // not halt the desk. Books and tickers update while the link is up.
    if (change.stream !== 'book' && change.stream !== 'ticker') return
    const streams = down.get(change.venue) ?? new Map<string, number>()
    down.set(change.venue, streams)
    const k = `${change.symbol}|${change.stream}|${change.timeframe ?? ''}`
    const released = change.status === 'closed' && change.detail !== null && RELEASED_DETAILS.has(change.detail)
    // Connecting is a fresh start, not an outage; a stream someone released says nothing about the venue.
    if (change.status === 'live' || change.status === 'connecting' || released) streams.delete(k)
    else if (!streams.has(k)) streams.set(k, change.at)
  })

  const downSince = (venues: (venue: VenueId) => boolean): number | null => {
    let since: number | null = null
    for (const [venue, streams] of down) {
      if (!venues(venue)) continue
      for (const at of streams.values()) since = since === null ? at : Math.min(since, at)
    }
    return since
  }

  const scopes = (): Scope[] => [
    { key: 'desk', scope: { kind: 'desk' }, venues: () => true, name: (venue, symbol) => `${venue}:${symbol}` },
    ...deps.accounts().map((a) => ({ key: `account:${a.id}`, scope: { kind: 'account', accountId: a.id } as RiskScope, venues: (v: VenueId) => v === a.venue, name: (_v: VenueId, symbol: string) => symbol })),
  ]

  const beat = (): void => {
    const now = clock.now()
    const marks = [...ranges.values()]
    ranges.clear()
    const books = deps.quotes.watched().flatMap(({ venue, symbol, book, bookAt }) => {
      // A symbol whose first book has not come yet says nothing.
      if (!book || bookAt === null) return []
      return [{ venue, symbol, condition: classifyBook({ bids: book.bids, asks: book.asks, timestamp: bookAt }, now, staleMs) }]
    })
    for (const s of scopes()) {
      const feed = (input: BreakerInput): void => breakers.feed(s.scope, input)
      for (const m of marks) {
        if (!s.venues(m.venue)) continue
        feed({ kind: 'mark', at: now, symbol: s.name(m.venue, m.symbol), price: m.low })
        if (m.high !== m.low) feed({ kind: 'mark', at: now, symbol: s.name(m.venue, m.symbol), price: m.high })
      }
      const before = fedBooks.get(s.key) ?? new Map<string, BookCondition>()
      const after = new Map<string, BookCondition>()
      for (const b of books) if (s.venues(b.venue)) after.set(s.name(b.venue, b.symbol), b.condition)
      // A symbol no longer watched ends its anomaly rather than leaving it open for ever.
      for (const symbol of before.keys()) if (!after.has(symbol)) after.set(symbol, 'ok')
      for (const [symbol, condition] of after) {
        if ((before.get(symbol) ?? 'ok') !== condition) feed({ kind: 'book', at: now, symbol, condition })
      }
      fedBooks.set(s.key, new Map([...after].filter(([, c]) => c !== 'ok')))
      const since = downSince(s.venues)
      if ((fedDownSince.get(s.key) ?? null) !== since) {
        // Reconnecting restarts the count: connected first, then down again from the new time.
        if (since !== null && (fedDownSince.get(s.key) ?? null) !== null) feed({ kind: 'connection', at: now, connected: true })
        feed({ kind: 'connection', at: since ?? now, connected: since === null })
        fedDownSince.set(s.key, since)
      }
      feed({ kind: 'tick', at: now })
    }
  }

  const timer = clock.setInterval(beat, BREAKER_FEED_MS)
  return () => {
    timer.cancel()
    offMark()
    offFeed()
  }
}
