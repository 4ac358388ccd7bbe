import { afterEach, describe, expect, it } from 'vitest'
import { ccxtOkx, type CcxtOkx } from '../../support/fake-okx/ccxt-client'
import { SWAP } from '../ccxt/support/okx-venue'
import { startOkxEngineRig, type OkxEngineRig } from './support/okx-engine-rig'

// The engine against the real ccxt classes and the fake OKX on 127.0.0.1.
describe('execution engine on the fake OKX', () => {
  let rig: OkxEngineRig
  let side: CcxtOkx | null = null
  afterEach(async () => {
    await side?.close()
    side = null
    await rig.close()
  })

  it('timeout after the venue accepted: one order on the venue, adopted, none duplicated', async () => {
    rig = await startOkxEngineRig()
    rig.okx.fake.faults.timeoutAfterAccept(1)
    const first = await rig.engine.submit(rig.intent())
    expect(first.status === 'unknown' || first.status === 'open').toBe(true)
    await rig.engine.idle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 1 })
    expect(rig.venueOrders(first.clientOrderId)).toBe(1)
    expect(rig.okx.fake.orders()).toHaveLength(1)
    // The audit trail links every step and carries no secret.
    const trail = JSON.stringify(rig.audit.tail(1000))
    for (const secret of Object.values(rig.okx.fake.credentials)) expect(trail).not.toContain(secret)
    expect(rig.audit.tail(1000).filter((e) => e.subject === first.intentId).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['execution.intent', 'execution.sent', 'execution.error', 'execution.state']),
    )
  })

  it('timeout after accept with the stream silent and the order slow to show: resent once, OKX answers 51016, adopted', async () => {
    rig = await startOkxEngineRig()
    rig.client.faults.muted = true
    rig.client.faults.hiddenFromQueries = 3
    rig.okx.fake.faults.timeoutAfterAccept(1)
    const first = await rig.engine.submit(rig.intent())
    expect(first.status).toBe('unknown')
    await rig.engine.idle()
    expect(rig.client.calls['submit']).toBe(2)
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'open', sendAttempts: 2 })
    expect(rig.venueOrders(first.clientOrderId)).toBe(1)
    const errors = rig.audit.tail(100).filter((e) => e.kind === 'execution.error').map((e) => e.payload as { venueCode: string | null; reason: string | null })
    expect(errors).toContainEqual(expect.objectContaining({ venueCode: '51016', reason: 'duplicate_client_order_id' }))
  })

  it('a 51016 answer for an order the venue does not have: asked, absent, rejected; nothing placed or resent', async () => {
    rig = await startOkxEngineRig()
    await rig.okx.venue.execution.balances()
    rig.okx.fake.faults.rejectWithCode('51016', 'Duplicated clOrdId')
    const first = await rig.engine.submit(rig.intent())
    await rig.engine.idle()
    expect(rig.journal.byClientOrderId(first.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'duplicate_answer_but_absent', sendAttempts: 1 })
    expect(rig.client.calls['submit']).toBe(1)
    expect(rig.okx.fake.orders()).toHaveLength(0)
  })

  it('a market order fills: the fill from the stream and from reconciliation is recorded once', async () => {
    rig = await startOkxEngineRig()
    const entry = await rig.engine.submit(rig.intent({ type: 'market', price: null, amount: 2 }))
    const deadline = Date.now() + 5000
    while (rig.journal.byClientOrderId(entry.clientOrderId)?.status !== 'filled' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(rig.journal.byClientOrderId(entry.clientOrderId)).toMatchObject({ status: 'filled', filled: 2 })
    const report = await rig.engine.reconcile('okx-demo')
    expect(report.errors).toEqual([])
    expect(rig.journal.fillsOf(entry.clientOrderId)).toHaveLength(1)
    expect(report.positions).toEqual([expect.objectContaining({ symbol: SWAP, side: 'long', contracts: 2 })])
  })

  it('an order with our prefix placed behind our back is imported and flagged, a foreign one ignored; cancel-all-after is armed', async () => {
    // The adapter's own cancel-all-after (OKX has one), armed by the engine on first use of the account.
    rig = await startOkxEngineRig()
    side = await ccxtOkx(rig.okx.fake)
    await side.loadMarkets()
    await side.createOrder(SWAP, 'limit', 'buy', 1, 50000, { clientOrderId: 'wsbehindback1' })
    await side.createOrder(SWAP, 'limit', 'buy', 1, 50000, { clientOrderId: 'foreign1' })
    const report = await rig.engine.reconcile('okx-demo')
    // The private stream may announce it before reconciliation lists it: imported once either way.
    expect(rig.journal.imported('okx-demo').map((e) => [e.clientOrderId, e.status])).toEqual([['wsbehindback1', 'open']])
    expect(rig.journal.byClientOrderId('foreign1')).toBeNull()
    expect(report.foreignOpen).toBe(1)
    expect(rig.okx.fake.cancelAllAfter()).toMatchObject({ timeOut: 60 })
  })
})
