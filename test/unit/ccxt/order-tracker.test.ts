import { describe, expect, it } from 'vitest'
import type { Fill, OrderState } from '../../../src/shared/domain/order'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { OrderTracker } from '../../../src/main/adapters/ccxt/execution/order-tracker'
import type { OrderTemplate } from '../../../src/main/adapters/ccxt/execution/convert-account'

const template: OrderTemplate = { clientOrderId: 'c1', symbol: 'BTC/USDT:USDT', side: 'buy', type: 'limit', timeInForce: 'GTC', postOnly: false, reduceOnly: false, amount: 8, price: 60010 }

const venueState = (overrides: Partial<OrderState>): OrderState => ({
  venue: 'okx', clientOrderId: 'c1', venueOrderId: 'v1', symbol: template.symbol, side: 'buy', type: 'limit', timeInForce: 'GTC', postOnly: false, reduceOnly: false,
  amount: 8, price: 60010, filled: 0, averagePrice: null, status: 'open', reason: null, createdAt: 1, updatedAt: 1, ...overrides,
})
const fill = (tradeId: string, amount: number, price = 60010): Fill => ({
  venue: 'okx', tradeId, clientOrderId: 'c1', venueOrderId: 'v1', symbol: template.symbol, side: 'buy', price, amount, fee: 0.1, feeCurrency: 'USDT', liquidity: 'taker', timestamp: 2,
})

function rig() {
  const clock = createTestClock(0)
  const events: ExecutionEvent[] = []
  const missing: string[] = []
  const tracker = new OrderTracker('okx', clock, createMemoryLogger('error'), (e) => events.push(e), (id) => missing.push(id), 1000)
  const summary = () => events.map((e) => `${e.type}:${e.order.status}:${e.order.filled}${'fill' in e ? `:${e.fill.tradeId}` : ''}`)
  return { clock, events, missing, tracker, summary }
}

describe('order tracker: events exactly once per change', () => {
  it('announces accepted once, then each fill once, ending with filled', () => {
    const { tracker, summary } = rig()
    tracker.expect(template)
    tracker.observeOrder(venueState({}))
    tracker.observeOrder(venueState({}))
    tracker.observeFill(fill('t1', 5))
    tracker.observeOrder(venueState({ status: 'partially_filled', filled: 5 }))
    tracker.observeFill(fill('t1', 5))
    tracker.observeFill(fill('t2', 3, 60020))
    tracker.observeOrder(venueState({ status: 'filled', filled: 8 }))
    expect(summary()).toEqual(['accepted:open:0', 'partially_filled:partially_filled:5:t1', 'filled:filled:8:t2'])
    expect(tracker.state('c1')?.averagePrice).toBeCloseTo((5 * 60010 + 3 * 60020) / 8, 9)
  })

  it('holds a cancel until the fills before it are announced (IOC remainder)', () => {
    const { tracker, summary } = rig()
    tracker.expect(template)
    tracker.observeOrder(venueState({ status: 'cancelled', filled: 5, reason: 'ioc_remainder' }))
    expect(summary()).toEqual(['accepted:open:0'])
    tracker.observeFill(fill('t1', 5))
    expect(summary()).toEqual(['accepted:open:0', 'partially_filled:partially_filled:5:t1', 'cancelled:cancelled:5'])
    expect(tracker.state('c1')).toMatchObject({ status: 'cancelled', reason: 'ioc_remainder' })
  })

  it('asks for missing fills after the grace period, then ends the order anyway', () => {
    const { clock, tracker, missing, summary } = rig()
    tracker.expect(template)
    tracker.observeOrder(venueState({ status: 'cancelled', filled: 5 }))
    clock.advance(999)
    expect(missing).toEqual([])
    clock.advance(1)
    expect(missing).toEqual(['c1'])
    tracker.giveUpWaiting('c1')
    expect(summary()).toEqual(['accepted:open:0', 'cancelled:cancelled:0'])
  })

  it('keeps fills that outrun the order until the order is known', () => {
    const { tracker, summary } = rig()
    tracker.expect(template)
    tracker.observeFill({ ...fill('t1', 8), clientOrderId: null })
    expect(summary()).toEqual([])
    tracker.acknowledge('c1', 'v1')
    expect(summary()).toEqual(['accepted:open:0', 'filled:filled:8:t1'])
  })

  it('announces amendments and never changes a terminal state', () => {
    const { tracker, summary } = rig()
    tracker.expect(template)
    tracker.observeOrder(venueState({}))
    tracker.observeOrder(venueState({ price: 60000 }))
    tracker.observeOrder(venueState({ price: 60000, status: 'cancelled' }))
    tracker.observeOrder(venueState({ price: 60000, status: 'open' }))
    tracker.observeFill(fill('late', 1))
    expect(summary()).toEqual(['accepted:open:0', 'amended:open:0', 'cancelled:cancelled:0'])
    expect(tracker.state('c1')?.price).toBe(60000)
  })

  it('adopts orders it did not place and reports rejections', () => {
    const { tracker, summary } = rig()
    tracker.observeOrder(venueState({ clientOrderId: 'other1', venueOrderId: 'v9' }))
    tracker.expect({ ...template, clientOrderId: 'c2' })
    tracker.observeOrder(venueState({ clientOrderId: 'c2', venueOrderId: 'v2', status: 'rejected', reason: 'venue code 51008' }))
    expect(summary()).toEqual(['accepted:open:0', 'rejected:rejected:0'])
    expect(tracker.openOrders().map((o) => o.clientOrderId)).toEqual(['other1'])
    expect(tracker.expect({ ...template, clientOrderId: 'other1' })).toBe(false)
  })

  it('knows an order the venue never confirmed, and forgets it on request', () => {
    const { tracker } = rig()
    tracker.expect(template)
    expect(tracker.unconfirmed('c1')).toBe(true)
    tracker.forget('c1')
    expect(tracker.state('c1')).toBeNull()
    tracker.expect(template)
    tracker.acknowledge('c1', 'v1')
    expect(tracker.unconfirmed('c1')).toBe(false)
    expect(tracker.clientOrderIdOf('v1')).toBe('c1')
  })

  it('drops the oldest final orders beyond its memory, never open ones', () => {
    const { tracker } = rig()
    tracker.expect({ ...template, clientOrderId: 'open0' })
    for (let i = 0; i < 5_010; i++) {
      tracker.expect({ ...template, clientOrderId: `f${i}` })
      tracker.observeOrder(venueState({ clientOrderId: `f${i}`, venueOrderId: `v${i}`, status: 'cancelled' }))
    }
    expect(tracker.state('open0')).not.toBeNull()
    expect(tracker.state('f0')).toBeNull()
    expect(tracker.state('f5009')?.status).toBe('cancelled')
  })
})
