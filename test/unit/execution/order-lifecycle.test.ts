import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { adoptVenueState, canTransition } from '../../../src/main/core/execution'
import { JOURNAL_TERMINAL_STATUSES, OrderJournalError, type JournalEntry, type JournalStatus } from '../../../src/main/ports/order-journal'
import type { OrderState, OrderStatus } from '../../../src/shared/domain/order'
import { startEngineRig, SYMBOL, type EngineRig } from './support/engine-rig'

const STATUSES: JournalStatus[] = ['pending', 'sent', 'unknown', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired']
const VENUE_STATUSES: OrderStatus[] = ['open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired']

const entry = (status: JournalStatus, filled = 0): JournalEntry => ({
  clientOrderId: 'ws1',
  intentId: 'intent-1234',
  accountId: 'acc1',
  venue: 'paper',
  symbol: SYMBOL,
  side: 'buy',
  type: 'limit',
  timeInForce: 'GTC',
  amount: 4,
  price: 59000,
  postOnly: false,
  reduceOnly: false,
  intent: null,
  status,
  venueOrderId: null,
  filled,
  averagePrice: null,
  reason: null,
  lastError: null,
  sendAttempts: 1,
  imported: false,
  createdAt: 0,
  updatedAt: 0,
  expiresAt: null,
})

const venueState = (status: OrderStatus, filled = 0): OrderState => ({
  venue: 'paper',
  clientOrderId: 'ws1',
  venueOrderId: 'v1',
  symbol: SYMBOL,
  side: 'buy',
  type: 'limit',
  timeInForce: 'GTC',
  postOnly: false,
  reduceOnly: false,
  amount: 4,
  price: 59000,
  filled,
  averagePrice: filled > 0 ? 59000 : null,
  status,
  reason: null,
  createdAt: 0,
  updatedAt: 0,
})

describe('order state machine', () => {
  it('terminal statuses lead nowhere, every other status can still end', () => {
    for (const from of STATUSES) {
      const terminal = JOURNAL_TERMINAL_STATUSES.includes(from)
      expect(STATUSES.filter((to) => canTransition(from, to)).length === 0).toBe(terminal)
    }
    expect(canTransition('open', 'sent')).toBe(false)
    expect(canTransition('partially_filled', 'open')).toBe(false)
    expect(canTransition('unknown', 'sent')).toBe(true)
  })

  it('never changes a terminal status, whatever the venue later says (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JOURNAL_TERMINAL_STATUSES), fc.constantFrom(...VENUE_STATUSES), fc.nat(4), (from, said, filled) => {
        const change = adoptVenueState(entry(from, 1), venueState(said, filled))
        expect(change?.status).toBeUndefined()
        expect(change?.reason).toBeUndefined()
        if (change?.filled !== undefined) expect(change.filled).toBeGreaterThan(1)
      }),
    )
  })

  it('ignores a stale venue view (an ack after the fill) and adopts one that is ahead', () => {
    expect(adoptVenueState(entry('partially_filled', 2), venueState('open'))).toEqual({ venueOrderId: 'v1' })
    expect(adoptVenueState({ ...entry('partially_filled', 2), venueOrderId: 'v1' }, venueState('open'))).toBeNull()
    expect(adoptVenueState(entry('unknown'), venueState('partially_filled', 1))).toMatchObject({ status: 'partially_filled', filled: 1 })
    expect(adoptVenueState(entry('sent'), { ...venueState('cancelled'), reason: null }, 'ttl')).toMatchObject({ status: 'cancelled', reason: 'ttl' })
  })

  it('a progress sequence adopted in any order ends in the furthest state (property)', () => {
    const path = [venueState('open'), venueState('partially_filled', 1), venueState('partially_filled', 3), venueState('filled', 4)]
    fc.assert(
      fc.property(fc.shuffledSubarray(path, { minLength: 1 }), (seen) => {
        let current = entry('sent')
        for (const state of seen) current = { ...current, ...(adoptVenueState(current, state) ?? {}) }
        const furthest = path.filter((p) => seen.includes(p)).at(-1)!
        expect(current.status).toBe(furthest.status)
        expect(current.filled).toBe(furthest.filled)
      }),
    )
  })
})

describe('terminal entries in the journal and the engine', () => {
  let rig: EngineRig
  beforeEach(async () => (rig = await startEngineRig()))
  afterEach(() => rig.close())

  it('the journal refuses to change a terminal status, reason or venue id, and SQLite backs it up', async () => {
    const done = await rig.engine.submit(rig.intent({ type: 'market', price: null }))
    await rig.settle()
    const id = done.clientOrderId
    expect(rig.journal.byClientOrderId(id)?.status).toBe('filled')
    for (const change of [{ status: 'open' as const }, { status: 'cancelled' as const }, { reason: 'other' }, { venueOrderId: 'other' }, { filled: 0 }]) {
      expect(() => rig.journal.transition(id, change, 1)).toThrow(OrderJournalError)
    }
    expect(() => rig.db.prepare("UPDATE orders SET status = 'open' WHERE client_order_id = ?").run(id)).toThrow(/terminal order cannot change/)
    expect(() => rig.db.prepare('DELETE FROM orders').run()).toThrow(/never deleted/)
    // Only a late fill may raise the amount, and an error note may be added.
    expect(rig.journal.transition(id, { lastError: 'late note' }, 2)).toMatchObject({ status: 'filled', lastError: 'late note' })
  })

  it('a late accepted event, cancel answer or query never reopens a filled order', async () => {
    const done = await rig.engine.submit(rig.intent({ type: 'market', price: null }))
    await rig.settle()
    const before = rig.journal.byClientOrderId(done.clientOrderId)!
    await rig.engine.cancel(done.intentId!)
    await rig.engine.reconcile('acc1')
    await rig.settle()
    expect(rig.journal.byClientOrderId(done.clientOrderId)).toMatchObject({ status: 'filled', filled: before.filled, reason: before.reason })
  })
})
