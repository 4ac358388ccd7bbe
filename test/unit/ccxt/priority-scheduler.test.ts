import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { PriorityScheduler, type Permit } from '../../../src/main/adapters/ccxt/discipline/priority-scheduler'
import { RateLimiter } from '../../../src/main/adapters/ccxt/discipline/rate-limiter'
import type { Lane } from '../../../src/main/adapters/ccxt/discipline/lanes'
import type { RateLimitRule } from '../../../src/main/adapters/ccxt/profiles/venue-profile'

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

// One shared budget of 2 per second for everything: the lanes decide who gets it.
const SHARED: RateLimitRule[] = [{ id: 'ip', limit: 2, windowMs: 1000, scope: 'venue', endpoints: ['cancel', 'place', 'order_query', 'fills'], source: 'test' }]

// Tokens count from the answer (the permit's release); by default each request is answered at once.
function rig(concurrency: Record<Lane, number> = { cancel: Infinity, order: Infinity, query: Infinity, history: Infinity }, answerAtOnce = true) {
  const clock = createTestClock(0)
  const limiter = new RateLimiter(SHARED)
  const scheduler = new PriorityScheduler(clock, limiter, concurrency)
  const started: string[] = []
  const permits: Permit[] = []
  const ask = (name: string, lane: Lane, endpoint: 'cancel' | 'place' | 'order_query' | 'fills'): void => {
    void scheduler.acquire(lane, limiter.claims(endpoint, null)).then((permit) => {
      started.push(name)
      permits.push(permit)
      if (answerAtOnce) permit.release()
    })
  }
  return { clock, scheduler, started, permits, ask }
}

describe('priority scheduler', () => {
  it('serves a cancel before queued history requests that need the same budget', async () => {
    const { clock, started, ask } = rig()
    for (let i = 0; i < 50; i++) ask(`history${i}`, 'history', 'fills')
    ask('cancel', 'cancel', 'cancel')
    await flush()
    expect(started).toEqual(['history0', 'history1'])
    clock.advance(1000)
    await flush()
    // the cancel was queued after 50 history requests but goes first when budget returns
    expect(started.slice(2)).toEqual(['cancel', 'history2'])
  })

  it('orders lanes cancel > order > query > history', async () => {
    const { clock, started, ask } = rig()
    ask('fill-a', 'history', 'fills')
    ask('fill-b', 'history', 'fills')
    await flush()
    ask('history', 'history', 'fills')
    ask('query', 'query', 'order_query')
    ask('order', 'order', 'place')
    ask('cancel', 'cancel', 'cancel')
    clock.advance(1000)
    await flush()
    clock.advance(1000)
    await flush()
    expect(started).toEqual(['fill-a', 'fill-b', 'cancel', 'order', 'query', 'history'])
  })

  it('holds bulk lanes to their concurrency while cancels pass', async () => {
    const { scheduler, started, permits, ask } = rig({ cancel: Infinity, order: Infinity, query: 1, history: 1 }, false)
    ask('q1', 'query', 'order_query')
    ask('q2', 'query', 'order_query')
    await flush()
    expect(started).toEqual(['q1'])
    ask('c', 'cancel', 'cancel')
    await flush()
    expect(started).toEqual(['q1', 'c'])
    permits[0]!.release()
    await flush()
    // q2 now has a slot but the shared budget (2 per second) is spent
    expect(started).toEqual(['q1', 'c'])
    expect(scheduler.queued().query).toBe(1)
  })

  it('counts a request against the budget from its answer, not its sending', async () => {
    const { clock, started, permits, ask } = rig(undefined, false)
    ask('a', 'history', 'fills')
    ask('b', 'history', 'fills')
    ask('c', 'history', 'fills')
    await flush()
    expect(started).toEqual(['a', 'b'])
    // A slow answer: a full window passes while both are still in flight, and c must still wait.
    clock.advance(1500)
    await flush()
    expect(started).toEqual(['a', 'b'])
    permits[0]!.release()
    await flush()
    expect(started).toEqual(['a', 'b'])
    clock.advance(999)
    await flush()
    expect(started).toEqual(['a', 'b'])
    clock.advance(1)
    await flush()
    expect(started).toEqual(['a', 'b', 'c'])
  })

  it('refuses everything waiting once closed', async () => {
    const { scheduler } = rig()
    const limiter = new RateLimiter(SHARED)
    const first = [scheduler.acquire('history', limiter.claims('fills', null)), scheduler.acquire('history', limiter.claims('fills', null))]
    await Promise.all(first)
    const waiting = scheduler.acquire('history', limiter.claims('fills', null))
    scheduler.close(new Error('closed'))
    await expect(waiting).rejects.toThrow('closed')
  })
})
