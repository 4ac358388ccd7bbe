import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createWire } from '../../../src/main/adapters/simulated-exchange/latency'
import { createSeededRandom } from '../../../src/main/adapters/simulated-exchange/seeded-random'
import { VenueError } from '../../../src/main/ports/venue-error'
import type { OrderState } from '../../../src/shared/domain/order'
import { BTC, createHarness, flush } from './harness'

describe('simulated exchange latency', () => {
  it('delays arrival at the engine and the acknowledgement, each by the one-way latency, on the clock', async () => {
    const h = await createHarness({ latency: { fixedMs: 50, jitterMs: 0 } })
    const start = h.clock.now()
    let ack: OrderState | null = null
    void h.exchange.execution.submit(h.order({ clientOrderId: 'slow' })).then((state) => (ack = state))
    await h.settle(49)
    expect(h.events).toEqual([])
    await h.settle(1)
    // Arrived at the engine (createdAt), but neither the event nor the answer has come back yet.
    await h.settle(49)
    expect(h.events).toEqual([])
    expect(ack).toBeNull()
    await h.settle(1)
    expect(h.events.map((e) => e.type)).toEqual(['accepted'])
    expect(ack).toMatchObject({ status: 'open', createdAt: start + 50 })
  })

  it('matches against the book as it is when the order arrives, not when it was sent', async () => {
    const h = await createHarness({ latency: { fixedMs: 20, jitterMs: 0 } })
    await h.exchange.watch([BTC])
    void h.exchange.execution.submit(h.order({ clientOrderId: 'm', type: 'market', price: null, amount: 1 }))
    await h.settle(10)
    h.market.setBook(BTC, [[60090, 5]], [[60110, 5]])
    await h.settle(40)
    expect(h.fillsOf('m').map((f) => f.price)).toEqual([60110])
  })

  it('keeps requests in order under jitter: a cancel never overtakes the order it cancels', async () => {
    const h = await createHarness({ latency: { fixedMs: 1, jitterMs: 100 }, seed: 3 })
    const submitted = h.exchange.execution.submit(h.order({ clientOrderId: 'c' }))
    const cancelled = h.exchange.execution.cancel({ clientOrderId: 'c', symbol: BTC })
    for (let i = 0; i < 50; i++) await h.settle(10)
    await expect(submitted).resolves.toMatchObject({ clientOrderId: 'c' })
    await expect(cancelled).resolves.toMatchObject({ status: 'cancelled' })
    expect(h.eventsFor('c').map((e) => e.type)).toEqual(['accepted', 'cancelled'])
  })

  it('answers calls in flight with an ambiguous error when closed, and refuses calls afterwards', async () => {
    const h = await createHarness({ latency: { fixedMs: 50, jitterMs: 0 } })
    const inFlight = h.exchange.execution.submit(h.order())
    await h.settle(10)
    await h.exchange.close()
    await expect(inFlight).rejects.toMatchObject({ kind: 'ambiguous' })
    const after = await h.exchange.execution.balances().catch((e: unknown) => e)
    expect(after).toBeInstanceOf(VenueError)
  })
})

describe('latency wire', () => {
  it('runs tasks in send order even when a later one samples a shorter delay', async () => {
    const clock = createTestClock(0)
    const wire = createWire(clock, { fixedMs: 0, jitterMs: 100 }, createSeededRandom(9), (e) => {
      throw e
    })
    const ran: Array<[number, number]> = []
    for (let i = 0; i < 20; i++) wire.send(() => ran.push([i, clock.now()]))
    for (let t = 0; t < 200; t++) {
      clock.advance(1)
      await flush()
    }
    expect(ran.map(([i]) => i)).toEqual([...Array(20).keys()])
    const times = ran.map(([, at]) => at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(new Set(times).size).toBeGreaterThan(1)
  })

  it('reports a failing task and keeps delivering', async () => {
    const clock = createTestClock(0)
    const errors: unknown[] = []
    const wire = createWire(clock, { fixedMs: 0, jitterMs: 0 }, createSeededRandom(1), (e) => errors.push(e))
    const ran: number[] = []
    wire.send(() => {
      throw new Error('boom')
    })
    wire.send(() => ran.push(2))
    await flush()
    expect(errors).toHaveLength(1)
    expect(ran).toEqual([2])
  })
})
