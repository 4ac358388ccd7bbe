import { beforeEach, describe, expect, it } from 'vitest'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createFeedMonitor, STALE_AFTER_MS, type FeedMonitor, type FeedState } from '../../../src/main/core/market/feed-monitor'
import { streamRef } from '../../../src/main/core/market/stream-ref'

const BOOK = streamRef('fake', 'BTC/USDT:USDT', 'book', '1m')

describe('feed monitor', () => {
  let clock: TestClock
  let monitor: FeedMonitor
  let changes: FeedState[]

  beforeEach(() => {
    clock = createTestClock(0)
    changes = []
    monitor = createFeedMonitor({ clock, onChange: (state) => changes.push(state) })
  })

  const statuses = (): string[] => changes.map((c) => c.status)

  it('goes live on data and stale after exactly 5 s of silence, then live again on the next update', () => {
    const feed = monitor.track(BOOK)
    feed.touched()
    expect(statuses()).toEqual(['connecting', 'live'])
    clock.advance(STALE_AFTER_MS - 1)
    expect(statuses()).toEqual(['connecting', 'live'])
    clock.advance(1)
    expect(statuses()).toEqual(['connecting', 'live', 'stale'])
    expect(changes.at(-1)!.detail).toBe('no update for 5 s')
    expect(clock.pending()).toBe(0) // a stale feed waits for data, it does not poll

    clock.advance(60_000)
    feed.touched()
    expect(statuses()).toEqual(['connecting', 'live', 'stale', 'live'])
    clock.advance(STALE_AFTER_MS)
    expect(statuses().at(-1)).toBe('stale')
  })

  it('never calls a busy stream stale and does not re-arm its timer on every update', () => {
    const feed = monitor.track(BOOK)
    for (let i = 0; i < 200; i++) {
      feed.touched()
      clock.advance(100)
      expect(clock.pending()).toBe(1)
    }
    expect(statuses()).toEqual(['connecting', 'live'])
  })

  it('calls a stream that never delivered stale 5 s after it was set up', () => {
    monitor.track(BOOK)
    clock.advance(STALE_AFTER_MS)
    expect(statuses()).toEqual(['connecting', 'stale'])
  })

  it("forwards the adapter's own status, which stale does not override", () => {
    const feed = monitor.track(BOOK)
    feed.touched()
    feed.adapterStatus('reconnecting', 'socket closed by venue')
    clock.advance(STALE_AFTER_MS * 3)
    expect(changes.at(-1)).toMatchObject({ status: 'reconnecting', detail: 'socket closed by venue' })
    feed.adapterStatus('live', null)
    expect(statuses().at(-1)).toBe('live')
    clock.advance(STALE_AFTER_MS)
    expect(statuses().at(-1)).toBe('stale') // live again but silent: stale after the full grace
  })

  it('announces closed on release, stops its timer and forgets the stream', () => {
    const feed = monitor.track(BOOK)
    feed.touched()
    feed.close('no watchers left')
    expect(changes.at(-1)).toMatchObject({ status: 'closed', detail: 'no watchers left' })
    expect(clock.pending()).toBe(0)
    expect(monitor.states()).toEqual([])
    feed.touched()
    expect(statuses().at(-1)).toBe('closed')
  })
})
