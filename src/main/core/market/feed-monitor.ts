import type { FeedStatus } from '../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../ports/clock'
import { assertNever, type StreamRef } from './stream-ref'

/** A stream silent this long is stale: a trader must not act on a frozen book. */
export const STALE_AFTER_MS = 5000

export interface FeedState {
  readonly ref: StreamRef
  readonly status: FeedStatus
  readonly detail: string | null
}

/** What the stream's subscription reports to its monitor. */
export interface FeedHandle {
  /** Data arrived. Called on every update, so it only stamps the time unless the status changes. */
  touched(): void
  /** The adapter's own status event (reconnecting after a drop, live again, closed). */
  adapterStatus(status: FeedStatus, detail: string | null): void
  /** The stream was released; publishes `closed` and stops watching the time. */
  close(detail: string): void
}

export interface FeedMonitor {
  track(ref: StreamRef): FeedHandle
  states(): FeedState[]
  dispose(): void
}

interface Feed {
  ref: StreamRef
  status: FeedStatus
  detail: string | null
  lastAt: number
  timer: TimerHandle | null
  closed: boolean
}

/**
 * Derives each stream's status from its data and its adapter: live while data
 * flows, stale after `staleAfterMs` of silence, back to live on the next
 * update. One timer per stream, set for the moment it would turn stale and
 * moved forward only when it fires, so a busy stream costs no timer churn.
 */
export function createFeedMonitor(options: { clock: Clock; onChange(state: FeedState): void; staleAfterMs?: number }): FeedMonitor {
  const { clock, onChange } = options
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS
  const feeds = new Set<Feed>()

  const set = (feed: Feed, status: FeedStatus, detail: string | null): void => {
    if (feed.status === status && feed.detail === detail) return
    feed.status = status
    feed.detail = detail
    onChange({ ref: feed.ref, status, detail })
  }

  const arm = (feed: Feed): void => {
    if (feed.timer || feed.closed) return
    feed.timer = clock.setTimeout(() => check(feed), feed.lastAt + staleAfterMs - clock.now())
  }

  const check = (feed: Feed): void => {
    feed.timer = null
    // Reconnecting and closed say more than stale; a stale feed waits for data to re-arm.
    if (feed.closed || (feed.status !== 'live' && feed.status !== 'connecting')) return
    const quietMs = clock.now() - feed.lastAt
    if (quietMs >= staleAfterMs) set(feed, 'stale', `no update for ${Math.round(quietMs / 1000)} s`)
    else arm(feed)
  }

  return {
    track(ref) {
      const feed: Feed = { ref, status: 'connecting', detail: null, lastAt: clock.now(), timer: null, closed: false }
      feeds.add(feed)
      onChange({ ref, status: 'connecting', detail: null })
      arm(feed)
      return {
        touched() {
          feed.lastAt = clock.now()
          if (feed.status === 'live' || feed.closed) return
          set(feed, 'live', null)
          arm(feed)
        },
        adapterStatus(status, detail) {
          if (feed.closed) return
          switch (status) {
            case 'connecting':
            case 'live':
              // A fresh (re)connection gets the full grace period before it can be called stale.
              feed.lastAt = clock.now()
              set(feed, status, detail)
              arm(feed)
              return
            case 'stale':
            case 'reconnecting':
            case 'closed':
              set(feed, status, detail)
              return
            default:
              return assertNever(status)
          }
        },
        close(detail) {
          if (feed.closed) return
          feed.closed = true
          feed.timer?.cancel()
          feed.timer = null
          feeds.delete(feed)
          set(feed, 'closed', detail)
        },
      }
    },
    states: () => [...feeds].map((feed) => ({ ref: feed.ref, status: feed.status, detail: feed.detail })),
    dispose() {
      for (const feed of feeds) {
        feed.closed = true
        feed.timer?.cancel()
      }
      feeds.clear()
    },
  }
}
