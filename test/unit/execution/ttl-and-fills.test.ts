import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requestOf } from '../../../src/main/core/execution/order-sender'
import { ACCOUNT, startEngineRig, type EngineRig } from './support/engine-rig'

describe('execution engine: TTL', () => {
  let rig: EngineRig
  beforeEach(async () => (rig = await startEngineRig()))
  afterEach(() => rig.close())

  it('an order still open when its TTL runs out is cancelled, with ttl as the reason', async () => {
    const entry = await rig.engine.submit(rig.intent({ ttlMs: 5_000 }))
    await rig.advance(4_900)
    expect(rig.journal.byClientOrderId(entry.clientOrderId)?.status).toBe('open')
    await rig.advance(200)
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'ttl' })
    expect(rig.auditKinds(entry.clientOrderId)).toContain('execution.cancel_requested')
  })

  it('partially filled at TTL with cancel_rest: the rest is cancelled, the fill kept', async () => {
    const entry = await rig.engine.submit(rig.intent({ price: 60010, amount: 8, ttlMs: 5_000, partialFillPolicy: 'cancel_rest' }))
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'partially_filled', filled: 5 })
    await rig.advance(5_100)
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', filled: 5, reason: 'ttl' })
  })

  it('partially filled at TTL with keep_rest: the rest keeps resting and fills later', async () => {
    const entry = await rig.engine.submit(rig.intent({ price: 60010, amount: 8, ttlMs: 5_000, partialFillPolicy: 'keep_rest' }))
    await rig.advance(5_100)
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'partially_filled', filled: 5 })
    expect(rig.auditKinds(entry.clientOrderId)).toContain('execution.ttl_keep_rest')
    rig.market.printTrade('BTC/USDT:USDT', 60000, 10, 'sell')
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'filled', filled: 8 })
    expect(rig.journal.fillsOf(entry.clientOrderId).map((f) => f.amount)).toEqual([5, 3])
  })

  it('not confirmed when the TTL runs out (answer lost): cancelled on the venue, never resent', async () => {
    rig.client.faults.answerLost = 1
    rig.client.faults.muted = true
    rig.client.faults.hiddenFromQueries = 5
    const entry = await rig.engine.submit(rig.intent({ ttlMs: 1_000 }))
    expect(entry.status).toBe('unknown')
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'ttl', sendAttempts: 1 })
    expect(rig.client.calls['submit']).toBe(1)
  })

  it('not confirmed when the TTL runs out (request lost): absent, it ends cancelled for the TTL instead of being resent', async () => {
    rig.client.faults.requestLost = 1
    const entry = await rig.engine.submit(rig.intent({ ttlMs: 1_000 }))
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'ttl', sendAttempts: 1 })
    expect(rig.client.placed).toHaveLength(0)
  })

  it('a cancel asked for while unconfirmed is carried out the moment the venue confirms the order', async () => {
    rig.client.faults.answerLost = 1
    rig.client.faults.muted = true
    const entry = await rig.engine.submit(rig.intent())
    await rig.engine.cancel(entry.intentId!)
    await rig.settle()
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'requested' })
    expect(rig.client.placed).toHaveLength(1)
  })
})

describe('execution engine: fills are recorded once', () => {
  let rig: EngineRig
  beforeEach(async () => (rig = await startEngineRig()))
  afterEach(() => rig.close())

  it('a fill that arrives as an event and again from fillsSince is recorded once', async () => {
    const entry = await rig.engine.submit(rig.intent({ type: 'market', price: null, amount: 3 }))
    await rig.settle()
    expect(rig.journal.fillsOf(entry.clientOrderId)).toHaveLength(1)
    const report = await rig.engine.reconcile(ACCOUNT)
    expect(rig.client.calls['fillsSince']).toBe(1)
    expect(report.fillsRecorded).toBe(0)
    expect(rig.journal.fillsOf(entry.clientOrderId)).toHaveLength(1)
    expect(rig.auditKinds(entry.clientOrderId).filter((k) => k === 'execution.fill')).toHaveLength(1)
    expect(rig.events.filter((e) => e.topic === 'execution.fillRecorded')).toHaveLength(1)
  })

  it('fills missed while the stream was down come from fillsSince, once, linked to their order', async () => {
    rig.client.faults.muted = true
    const entry = await rig.engine.submit(rig.intent({ price: 60010, amount: 8 }))
    rig.market.printTrade('BTC/USDT:USDT', 60000, 10, 'sell')
    await rig.settle()
    expect(rig.journal.fillsOf(entry.clientOrderId)).toHaveLength(0)
    const first = await rig.engine.reconcile(ACCOUNT)
    expect(first.fillsRecorded).toBe(2)
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'filled', filled: 8 })
    const second = await rig.engine.reconcile(ACCOUNT)
    expect(second.fillsRecorded).toBe(0)
    expect(rig.journal.fills(ACCOUNT).map((f) => [f.clientOrderId, f.fill.amount])).toEqual([
      [entry.clientOrderId, 5],
      [entry.clientOrderId, 3],
    ])
  })

  it('a fill learned after the order ended raises its filled amount, never its status', async () => {
    rig.client.faults.muted = true
    const intent = rig.intent({ type: 'market', price: null, amount: 5 })
    // As if a stale cancel answer had ended the order before its fill was known.
    const entry = rig.journal.begin(intent, 'wsstale1', ACCOUNT, rig.clock.now())
    rig.journal.transition(entry.clientOrderId, { status: 'sent', sendAttempts: 1 }, rig.clock.now())
    await rig.exchange.execution.submit(requestOf(rig.journal.byClientOrderId(entry.clientOrderId)!))
    rig.journal.transition(entry.clientOrderId, { status: 'cancelled', reason: 'requested' }, rig.clock.now())
    const report = await rig.engine.reconcile(ACCOUNT)
    expect(report.fillsRecorded).toBe(1)
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'requested', filled: 5, averagePrice: 60010 })
  })
})
