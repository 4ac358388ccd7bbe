import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventBus } from '../../../src/main/core/bus/event-bus'
import type { ExecutionEngineEvents } from '../../../src/main/core/execution'
import { ClientOrderIdSchema } from '../../../src/shared/domain/order'
import { ACCOUNT, PREFIX, startEngineRig, SYMBOL, type EngineRig } from './support/engine-rig'

describe('execution engine: submitting', () => {
  let rig: EngineRig
  beforeEach(async () => (rig = await startEngineRig()))
  afterEach(() => rig.close())

  it('journals the intent before sending, then follows the venue: a resting limit ends open', async () => {
    const intent = rig.intent()
    const entry = await rig.engine.submit(intent)
    expect(entry).toMatchObject({ intentId: intent.id, status: 'open', accountId: ACCOUNT, symbol: SYMBOL, sendAttempts: 1, filled: 0 })
    expect(entry.venueOrderId).not.toBeNull()
    expect(ClientOrderIdSchema.safeParse(entry.clientOrderId).success).toBe(true)
    expect(entry.clientOrderId.startsWith(PREFIX)).toBe(true)
    expect(entry.intent).toEqual(intent)
    // The journal saw pending and sent before the answer arrived.
    expect(rig.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['intent_committed:pending', 'sent_committed:sent', 'answer_received:sent', 'answer_committed:open'])
    expect(rig.client.placed).toHaveLength(1)
    expect(await rig.client.queryOrder({ clientOrderId: entry.clientOrderId, symbol: SYMBOL })).toMatchObject({ status: 'open' })
  })

  it('a market order fills: its trade is recorded once and the order ends filled', async () => {
    const intent = rig.intent({ type: 'market', price: null, amount: 2 })
    await rig.engine.submit(intent)
    await rig.settle()
    const entry = rig.entry(intent.id)
    expect(entry).toMatchObject({ status: 'filled', filled: 2, averagePrice: 60010 })
    const fills = rig.journal.fillsOf(entry.clientOrderId)
    expect(fills).toHaveLength(1)
    expect(fills[0]).toMatchObject({ amount: 2, price: 60010, clientOrderId: entry.clientOrderId })
    expect(rig.journal.lastFillAt(ACCOUNT)).toBe(fills[0]!.timestamp)
  })

  it('links every step in the audit log by intent and client order id', async () => {
    const intent = rig.intent({ type: 'market', price: null })
    const entry = await rig.engine.submit(intent)
    await rig.settle()
    const kinds = rig.auditKinds(entry.clientOrderId)
    expect(kinds.slice(0, 3)).toEqual(['execution.intent', 'execution.state', 'execution.sent'])
    expect(kinds).toContain('execution.answer')
    expect(kinds).toContain('execution.fill')
    const states = rig.audit.tail(100).filter((e) => e.kind === 'execution.state' && (e.payload as { clientOrderId?: string }).clientOrderId === entry.clientOrderId)
    expect(states.map((e) => (e.payload as { to: string }).to).reverse()).toEqual(['sent', 'open', 'filled'])
    const rows = rig.audit.tail(100).filter((e) => (e.payload as { clientOrderId?: string }).clientOrderId === entry.clientOrderId)
    expect(rows.every((r) => r.subject === intent.id && r.actor === 'execution')).toBe(true)
  })

  it('is idempotent by intent id: a second submit returns the first order and sends nothing', async () => {
    const intent = rig.intent()
    const first = await rig.engine.submit(intent)
    const again = await rig.engine.submit(intent)
    expect(again.clientOrderId).toBe(first.clientOrderId)
    expect(rig.client.placed).toHaveLength(1)
  })

  it('refuses an invalid intent before journaling anything', async () => {
    await expect(rig.engine.submit({ ...rig.intent(), amount: -1 })).rejects.toThrow(/order intent refused: amount/)
    expect(rig.journal.entries(ACCOUNT)).toEqual([])
    expect(rig.client.placed).toEqual([])
  })

  it('a venue refusal ends the order rejected with the reason, without a query or a resend', async () => {
    const intent = rig.intent({ amount: 0.5 })
    const entry = await rig.engine.submit(intent)
    expect(entry).toMatchObject({ status: 'rejected', reason: 'invalid_size' })
    expect(entry.lastError).toMatch(/size|step|amount/i)
    expect(rig.client.calls['queryOrder'] ?? 0).toBe(0)
    expect(rig.client.calls['submit']).toBe(1)
  })

  it('sets the intent leverage once per symbol before sending; a refusal rejects the order unsent', async () => {
    await rig.engine.submit(rig.intent({ leverage: 5 }))
    await rig.engine.submit(rig.intent({ leverage: 5 }))
    expect(rig.client.calls['setLeverage']).toBe(1)
    const refused = await rig.engine.submit(rig.intent({ leverage: 1000 }))
    expect(refused).toMatchObject({ status: 'rejected', reason: 'leverage_refused', sendAttempts: 0 })
    expect(rig.client.placed).toHaveLength(2)
  })

  it('publishes order updates and recorded fills on the bus it is given', async () => {
    const bus = createEventBus<ExecutionEngineEvents & { 'other.topic': number }>(() => {})
    const seen: string[] = []
    bus.subscribe('execution.orderUpdated', (entry) => seen.push(`order:${entry.status}`))
    bus.subscribe('execution.fillRecorded', (fill) => seen.push(`fill:${fill.fill.amount}`))
    const engine = rig.restart({ bus })
    await engine.submit(rig.intent({ type: 'market', price: null }))
    await rig.settle()
    expect(seen).toContain('fill:1')
    expect(seen.at(-1)).toBe('order:filled')
    expect(seen.slice(0, 2)).toEqual(['order:sent', 'order:open'])
  })

  it('client order ids stay unique and venue-valid across many orders in one millisecond', async () => {
    const entries = await Promise.all(Array.from({ length: 50 }, () => rig.engine.submit(rig.intent())))
    const ids = new Set(entries.map((e) => e.clientOrderId))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{1,32}$/)
  })
})
