import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requestOf } from '../../../src/main/core/execution/order-sender'
import { SYMBOL, startEngineRig, type EngineRig } from './support/engine-rig'

// The query-first rule: whatever failed, the venue is asked by client id before anything is resent.
describe('execution engine: ambiguous sends', () => {
  let rig: EngineRig
  beforeEach(async () => (rig = await startEngineRig()))
  afterEach(() => rig.close())

  const venueOrders = async (clientOrderId: string) => (await rig.client.queryOrder({ clientOrderId, symbol: SYMBOL })) ?? null

  it('answer lost after the venue took it, but its accepted event arrived: that event settles it, nothing is asked or resent', async () => {
    rig.client.faults.answerLost = 1
    const first = await rig.engine.submit(rig.intent())
    expect(first).toMatchObject({ status: 'open', sendAttempts: 1 })
    expect(first.lastError).toMatch(/query the order before resending/)
    await rig.settle()
    expect(rig.client.calls['queryOrder'] ?? 0).toBe(0)
    expect(rig.client.placed).toHaveLength(1)
  })

  it('answer lost and events lost too: unknown, then the query is what finds it, never resent', async () => {
    rig.client.faults.answerLost = 1
    rig.client.faults.muted = true
    const first = await rig.engine.submit(rig.intent())
    expect(first).toMatchObject({ status: 'unknown', sendAttempts: 1 })
    await rig.settle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 1 })
    expect(rig.client.calls['queryOrder']).toBe(1)
    expect(rig.client.placed).toHaveLength(1)
  })

  it('request lost before the venue: absent after 3 queries over the grace period, resent once with the same id', async () => {
    rig.client.faults.requestLost = 1
    const first = await rig.engine.submit(rig.intent())
    expect(first.status).toBe('unknown')
    await rig.advance(2_900)
    expect(rig.client.calls['submit']).toBe(1)
    await rig.settle()
    const entry = rig.journal.byClientOrderId(first.clientOrderId)!
    expect(entry).toMatchObject({ status: 'open', sendAttempts: 2 })
    expect(rig.client.calls['queryOrder']).toBe(3)
    expect(rig.client.placed.map((o) => o.clientOrderId)).toEqual([first.clientOrderId])
    expect(rig.auditKinds(first.clientOrderId)).toContain('execution.absent')
  })

  it('request lost twice: the resend is not resent again; absent, it ends rejected', async () => {
    rig.client.faults.requestLost = 2
    const first = await rig.engine.submit(rig.intent())
    await rig.settle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'absent_after_ambiguous_send', sendAttempts: 2 })
    expect(rig.client.calls['submit']).toBe(2)
    expect(rig.client.placed).toHaveLength(0)
  })

  it('rate limited on submit: not resent blindly; asked first after the retry-after, then resent', async () => {
    rig.client.faults.rateLimited = 1
    const first = await rig.engine.submit(rig.intent())
    expect(first.status).toBe('unknown')
    await rig.advance(400)
    expect(rig.client.calls['queryOrder'] ?? 0).toBe(0)
    await rig.settle()
    expect(rig.client.calls['queryOrder']).toBe(3)
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 2 })
  })

  it('the venue answers duplicate client id: the order exists, so it is queried and adopted at once', async () => {
    // An earlier request with this id landed (say, before a restart): place it behind the engine's back.
    rig.restart({
      probe: (step, entry) => {
        if (step === 'sent_committed') void rig.exchange.execution.submit(requestOf(entry))
      },
    })
    const first = await rig.engine.submit(rig.intent())
    await rig.settle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 1 })
    expect(rig.logs.records.some((r) => r.msg === 'order submit failed' && r.fields?.['reason'] === 'duplicate_client_order_id')).toBe(true)
    expect(rig.client.calls['submit']).toBe(1)
  })

  it('a venue slow to show the order: absent to queries, resent, the duplicate answer is adopted', async () => {
    rig.client.faults.answerLost = 1
    rig.client.faults.muted = true
    rig.client.faults.hiddenFromQueries = 3
    const first = await rig.engine.submit(rig.intent())
    await rig.settle()
    expect(rig.client.calls['submit']).toBe(2)
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 2 })
    expect((await venueOrders(first.clientOrderId))?.status).toBe('open')
  })

  it('another order under our client id is not adopted: ours is rejected as a collision', async () => {
    rig.restart({
      probe: (step, entry) => {
        if (step === 'sent_committed') void rig.exchange.execution.submit({ ...requestOf(entry), side: 'sell', price: 61000 })
      },
    })
    const first = await rig.engine.submit(rig.intent())
    await rig.settle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'client_order_id_collision' })
  })

  it('queries that keep failing leave the order unknown for reconciliation, never guessed', async () => {
    rig.client.faults.answerLost = 1
    rig.client.faults.muted = true
    rig.client.faults.queryErrors = 10
    const first = await rig.engine.submit(rig.intent())
    await rig.settle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'unknown', lastError: 'venue busy' })
    rig.client.faults.muted = false
    const report = await rig.engine.reconcile('acc1')
    expect(report.unresolved).toEqual([])
    expect(rig.journal.byClientOrderId(first.clientOrderId)?.status).toBe('open')
    expect(rig.client.placed).toHaveLength(1)
  })
})
