import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { VenueError } from '../../src/main/ports/venue-error'
import type { ExecutionEvent } from '../../src/main/ports/execution-client'
import type { OrderRequest, OrderState } from '../../src/shared/domain/order'
import { isTerminalStatus } from '../../src/shared/domain/order'
import { eventually, nextClientOrderId, START_ASKS, START_BIDS, type VenueFactory, type VenueUnderTest } from './venue-under-test'

/**
 * What every ExecutionClient must do, numbered so a failure names the rule.
 * Runs unchanged against the simulated exchange and the ccxt adapter on the
 * fake OKX.
 */
export function defineExecutionConformance(name: string, factory: VenueFactory): void {
  describe(`ExecutionClient conformance: ${name}`, () => {
    let venue: VenueUnderTest
    let events: ExecutionEvent[]
    let off: () => void

    beforeEach(async () => {
      venue = await factory()
      await venue.setBook(START_BIDS, START_ASKS)
      events = []
      off = venue.execution.onEvent((e) => events.push(e))
    })
    afterEach(async () => {
      off()
      await venue.close()
    })

    const order = (overrides: Partial<OrderRequest>): OrderRequest => ({
      clientOrderId: nextClientOrderId(),
      symbol: venue.symbol,
      side: 'buy',
      type: 'limit',
      amount: 1,
      price: 59000,
      timeInForce: 'GTC',
      postOnly: false,
      reduceOnly: false,
      ...overrides,
    })
    const eventsFor = (id: string): ExecutionEvent[] => events.filter((e) => e.order.clientOrderId === id)
    const finalState = async (id: string): Promise<OrderState> => {
      await eventually(
        venue,
        () => eventsFor(id).some((e) => isTerminalStatus(e.order.status)),
        `a terminal event for ${id}`,
      )
      const state = await venue.execution.queryOrder({ clientOrderId: id, symbol: venue.symbol })
      expect(state).not.toBeNull()
      return state!
    }
    const expectRejected = async (promise: Promise<unknown>, reasons: string[]): Promise<void> => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(VenueError)
      expect((error as VenueError).kind).toBe('rejected')
      if (reasons.length) expect(reasons).toContain((error as VenueError).reason)
    }

    it('E1 declares market and limit orders and GTC, IOC and FOK', () => {
      const caps = venue.execution.capabilities
      expect(caps.orderTypes).toEqual(expect.arrayContaining(['market', 'limit']))
      expect(caps.timeInForce).toEqual(expect.arrayContaining(['GTC', 'IOC', 'FOK']))
      expect(caps.marketTypes).toContain('swap')
    })

    it('E2 a limit order away from the market rests: open, announced, queryable, listed', async () => {
      const request = order({ price: 59000 })
      const ack = await venue.execution.submit(request)
      expect(ack).toMatchObject({ clientOrderId: request.clientOrderId, symbol: venue.symbol, side: 'buy', status: 'open', filled: 0, amount: 1, price: 59000 })
      expect(ack.venueOrderId).toBeTruthy()
      await eventually(venue, () => eventsFor(request.clientOrderId).some((e) => e.type === 'accepted'), 'the accepted event')
      const queried = await venue.execution.queryOrder({ clientOrderId: request.clientOrderId, symbol: venue.symbol })
      expect(queried).toMatchObject({ status: 'open', filled: 0, venueOrderId: ack.venueOrderId })
      const open = await venue.execution.openOrders(venue.symbol)
      expect(open.map((o) => o.clientOrderId)).toContain(request.clientOrderId)
    })

    it('E3 cancelling a resting order makes it cancelled everywhere; cancelling again is refused', async () => {
      const request = order({})
      await venue.execution.submit(request)
      const ref = { clientOrderId: request.clientOrderId, symbol: venue.symbol }
      const cancelled = await venue.execution.cancel(ref)
      expect(cancelled.status).toBe('cancelled')
      await eventually(venue, () => eventsFor(request.clientOrderId).some((e) => e.type === 'cancelled'), 'the cancelled event')
      expect((await venue.execution.queryOrder(ref))?.status).toBe('cancelled')
      expect((await venue.execution.openOrders(venue.symbol)).map((o) => o.clientOrderId)).not.toContain(request.clientOrderId)
      const again = await venue.execution.cancel(ref).then(
        () => null,
        (e: unknown) => e,
      )
      expect(again).toBeInstanceOf(VenueError)
      expect(['not_found', 'rejected']).toContain((again as VenueError).kind)
    })

    it('E4 a market buy fills at the ask as taker, with a fee, a trade id, and a position', async () => {
      const started = Date.now() - 60_000
      const request = order({ type: 'market', price: null, amount: 3 })
      await venue.execution.submit(request)
      const final = await finalState(request.clientOrderId)
      expect(final).toMatchObject({ status: 'filled', filled: 3, averagePrice: 60010 })
      const fills = eventsFor(request.clientOrderId).flatMap((e) => ('fill' in e ? [e.fill] : []))
      expect(fills.reduce((sum, f) => sum + f.amount, 0)).toBe(3)
      for (const fill of fills) expect(fill).toMatchObject({ price: 60010, liquidity: 'taker', side: 'buy', symbol: venue.symbol })
      expect(fills.every((f) => f.fee > 0 && f.tradeId.length > 0)).toBe(true)
      const history = await venue.execution.fillsSince(started, venue.symbol)
      expect(history.map((f) => f.tradeId)).toEqual(expect.arrayContaining(fills.map((f) => f.tradeId)))
      const position = (await venue.execution.positions()).find((p) => p.symbol === venue.symbol)
      expect(position).toMatchObject({ side: 'long', contracts: 3, entryPrice: 60010 })
    })

    it('E5 a market order larger than the top level walks the book', async () => {
      const request = order({ type: 'market', price: null, amount: 8 })
      await venue.execution.submit(request)
      const final = await finalState(request.clientOrderId)
      expect(final.filled).toBe(8)
      expect(final.averagePrice).toBeCloseTo((5 * 60010 + 3 * 60020) / 8, 6)
    })

    it('E6 a resting limit fills as maker when a trade prints through it', async () => {
      const request = order({ price: 59995, amount: 2 })
      await venue.execution.submit(request)
      await eventually(venue, () => eventsFor(request.clientOrderId).some((e) => e.type === 'accepted'), 'the accepted event')
      await venue.printTrade(59990, 5, 'sell')
      const final = await finalState(request.clientOrderId)
      expect(final).toMatchObject({ status: 'filled', filled: 2, averagePrice: 59995 })
      const fills = eventsFor(request.clientOrderId).flatMap((e) => ('fill' in e ? [e.fill] : []))
      expect(fills.every((f) => f.liquidity === 'maker' && f.price === 59995)).toBe(true)
    })

    it('E7 a second order with the same client order id is refused as a duplicate', async () => {
      const request = order({})
      await venue.execution.submit(request)
      await expectRejected(venue.execution.submit({ ...request, price: 58000 }), ['duplicate_client_order_id'])
    })

    it('E8 an unknown client order id queries as null', async () => {
      expect(await venue.execution.queryOrder({ clientOrderId: nextClientOrderId(), symbol: venue.symbol })).toBeNull()
    })

    it('E9 a post-only order that would take never fills', async () => {
      const request = order({ price: 60010, postOnly: true })
      const outcome = await venue.execution.submit(request).then(
        () => 'accepted',
        (e: unknown) => e,
      )
      if (outcome === 'accepted') {
        const final = await finalState(request.clientOrderId)
        expect(['cancelled', 'rejected', 'expired']).toContain(final.status)
        expect(final.filled).toBe(0)
      } else {
        expect(outcome).toBeInstanceOf(VenueError)
        expect((outcome as VenueError).reason).toBe('post_only_would_take')
      }
    })

    it('E10 an IOC limit fills what the book offers at its price and cancels the rest', async () => {
      const request = order({ price: 60010, amount: 8, timeInForce: 'IOC' })
      await venue.execution.submit(request)
      const final = await finalState(request.clientOrderId)
      expect(final).toMatchObject({ status: 'cancelled', filled: 5, averagePrice: 60010 })
    })

    it('E11 a FOK order that cannot fill entirely fills nothing', async () => {
      const request = order({ price: 60010, amount: 8, timeInForce: 'FOK' })
      const outcome = await venue.execution.submit(request).then(
        () => 'accepted',
        (e: unknown) => e,
      )
      if (outcome === 'accepted') {
        const final = await finalState(request.clientOrderId)
        expect(['cancelled', 'rejected', 'expired']).toContain(final.status)
        expect(final.filled).toBe(0)
      } else {
        expect((outcome as VenueError).kind).toBe('rejected')
      }
      expect((await venue.execution.positions()).find((p) => p.symbol === venue.symbol)).toBeUndefined()
    })

    it('E12 a reduce-only order with no position opens nothing', async () => {
      const request = order({ type: 'market', price: null, side: 'sell', reduceOnly: true })
      const outcome = await venue.execution.submit(request).then(
        () => 'accepted',
        (e: unknown) => e,
      )
      if (outcome === 'accepted') {
        const final = await finalState(request.clientOrderId)
        expect(final.filled).toBe(0)
      } else {
        expect((outcome as VenueError).kind).toBe('rejected')
        expect((outcome as VenueError).reason).toBe('reduce_only_would_increase')
      }
      expect((await venue.execution.positions()).find((p) => p.symbol === venue.symbol)).toBeUndefined()
    })

    it('E13 amending a resting order changes its price', async () => {
      if (!venue.execution.capabilities.amend) return
      const request = order({ price: 59000 })
      await venue.execution.submit(request)
      const ref = { clientOrderId: request.clientOrderId, symbol: venue.symbol }
      const amended = await venue.execution.amend(ref, { price: 59100 })
      expect(amended.price).toBe(59100)
      await eventually(venue, () => eventsFor(request.clientOrderId).some((e) => e.type === 'amended' && e.order.price === 59100), 'the amended event')
      expect((await venue.execution.queryOrder(ref))?.price).toBe(59100)
    })

    it('E14 a size off the venue step is refused before anything rests', async () => {
      await expectRejected(venue.execution.submit(order({ amount: 0.5 })), ['invalid_size'])
      expect(await venue.execution.openOrders(venue.symbol)).toEqual([])
    })

    it('E15 balances include USDT with a positive total', async () => {
      const usdt = (await venue.execution.balances()).find((b) => b.currency === 'USDT')
      expect(usdt?.total).toBeGreaterThan(0)
      expect(usdt!.free).toBeLessThanOrEqual(usdt!.total)
    })

    it('E17 leverage can be set within the instrument maximum and is refused beyond it', async () => {
      await venue.execution.setLeverage(venue.symbol, 5)
      const error = await venue.execution.setLeverage(venue.symbol, 100_000).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(VenueError)
      expect((error as VenueError).kind).toBe('rejected')
    })

    it('E16 each fill is announced once: trade ids never repeat across events', async () => {
      await venue.execution.submit(order({ type: 'market', price: null, amount: 8 }))
      const resting = order({ price: 59995, amount: 2 })
      await venue.execution.submit(resting)
      await venue.printTrade(59990, 5, 'sell')
      await eventually(venue, () => events.filter((e) => 'fill' in e).length >= 3, 'three fills')
      for (let i = 0; i < 5; i++) await venue.settle()
      const ids = events.flatMap((e) => ('fill' in e ? [e.fill.tradeId] : []))
      expect(new Set(ids).size).toBe(ids.length)
    })
  })
}
