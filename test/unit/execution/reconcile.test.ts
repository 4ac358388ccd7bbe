import { afterEach, describe, expect, it } from 'vitest'
import { requestOf } from '../../../src/main/core/execution/order-sender'
import type { OrderRequest } from '../../../src/shared/domain/order'
import { ACCOUNT, startEngineRig, SYMBOL, type EngineRig } from './support/engine-rig'

const restingBuy = (clientOrderId: string): OrderRequest => ({
  clientOrderId,
  symbol: SYMBOL,
  side: 'buy',
  type: 'limit',
  amount: 1,
  price: 58000,
  timeInForce: 'GTC',
  postOnly: false,
  reduceOnly: false,
})

describe('execution engine: reconciliation', () => {
  let rig: EngineRig
  afterEach(() => rig.close())

  it('imports an open order carrying our prefix that the journal does not know, and flags it', async () => {
    rig = await startEngineRig()
    rig.client.faults.muted = true
    await rig.exchange.execution.submit(restingBuy('wslostrun0001'))
    const report = await rig.engine.reconcile(ACCOUNT)
    expect(report.imported.map((e) => e.clientOrderId)).toEqual(['wslostrun0001'])
    expect(rig.journal.imported(ACCOUNT)).toEqual([expect.objectContaining({ clientOrderId: 'wslostrun0001', imported: true, intentId: null, status: 'open' })])
    expect(rig.events.filter((e) => e.topic === 'execution.orderImported')).toHaveLength(1)
    expect(rig.auditKinds('wslostrun0001')).toContain('execution.imported')
    // A second pass adopts it, it does not import it twice.
    expect((await rig.engine.reconcile(ACCOUNT)).imported).toEqual([])
  })

  it('leaves orders without our prefix alone: not imported, not cancelled, even by the kill switch', async () => {
    rig = await startEngineRig()
    await rig.exchange.execution.submit(restingBuy('manual42'))
    const ours = await rig.engine.submit(rig.intent())
    const report = await rig.engine.reconcile(ACCOUNT)
    expect(report).toMatchObject({ foreignOpen: 1, imported: [] })
    expect(rig.journal.byClientOrderId('manual42')).toBeNull()
    const killed = await rig.engine.cancelAll(ACCOUNT)
    expect(killed).toMatchObject({ requested: 1, cancelled: 1, failed: [] })
    expect(rig.journal.byClientOrderId(ours.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'kill_switch' })
    expect(await rig.exchange.execution.queryOrder({ clientOrderId: 'manual42', symbol: SYMBOL })).toMatchObject({ status: 'open' })
  })

  it('the kill switch also reaches prefixed orders the journal did not know yet', async () => {
    rig = await startEngineRig()
    await rig.exchange.execution.submit(restingBuy('wsorphan0001'))
    const killed = await rig.engine.cancelAll(ACCOUNT)
    expect(killed).toMatchObject({ requested: 1, cancelled: 1 })
    expect(rig.journal.byClientOrderId('wsorphan0001')).toMatchObject({ imported: true, status: 'cancelled' })
  })

  it('after a restart: pending was never sent, sent is looked up and adopted or, if absent, rejected; nothing is resent', async () => {
    rig = await startEngineRig()
    const now = rig.clock.now()
    rig.journal.begin(rig.intent(), 'wspending01', ACCOUNT, now)
    const landed = rig.journal.begin(rig.intent(), 'wslanded01', ACCOUNT, now)
    rig.journal.transition(landed.clientOrderId, { status: 'sent', sendAttempts: 1 }, now)
    await rig.exchange.execution.submit(requestOf(landed))
    const lost = rig.journal.begin(rig.intent(), 'wslost01', ACCOUNT, now)
    rig.journal.transition(lost.clientOrderId, { status: 'sent', sendAttempts: 1 }, now)
    const engine = rig.restart()
    const report = await rig.until(engine.reconcile(ACCOUNT))
    expect(report).toMatchObject({ checked: 3, unresolved: [], errors: [] })
    expect(rig.journal.byClientOrderId('wspending01')).toMatchObject({ status: 'rejected', reason: 'not_sent' })
    expect(rig.journal.byClientOrderId('wslanded01')).toMatchObject({ status: 'open', sendAttempts: 1 })
    expect(rig.journal.byClientOrderId('wslost01')).toMatchObject({ status: 'rejected', reason: 'absent_after_restart' })
    expect(rig.client.calls['submit'] ?? 0).toBe(0)
  })

  it('cancels a zombie: final in the journal, still open on the venue', async () => {
    rig = await startEngineRig()
    const now = rig.clock.now()
    const gaveUp = rig.journal.begin(rig.intent(), 'wszombie01', ACCOUNT, now)
    rig.journal.transition(gaveUp.clientOrderId, { status: 'sent', sendAttempts: 1 }, now)
    rig.journal.transition(gaveUp.clientOrderId, { status: 'rejected', reason: 'absent_after_ambiguous_send' }, now)
    await rig.exchange.execution.submit(requestOf(gaveUp))
    const report = await rig.engine.reconcile(ACCOUNT)
    expect(report.zombies.map((z) => z.clientOrderId)).toEqual(['wszombie01'])
    expect(await rig.exchange.execution.queryOrder({ clientOrderId: 'wszombie01', symbol: SYMBOL })).toMatchObject({ status: 'cancelled' })
    expect(rig.journal.byClientOrderId('wszombie01')).toMatchObject({ status: 'rejected' })
  })

  it('returns the venue positions and re-arms the TTL of orders that outlived the restart', async () => {
    rig = await startEngineRig()
    await rig.engine.submit(rig.intent({ type: 'market', price: null, amount: 2 }))
    const resting = await rig.engine.submit(rig.intent({ ttlMs: 10_000 }))
    await rig.settle()
    const engine = rig.restart()
    const report = await engine.reconcile(ACCOUNT)
    expect(report.positions).toEqual([expect.objectContaining({ symbol: SYMBOL, side: 'long', contracts: 2 })])
    await rig.advance(10_100)
    await rig.settle()
    expect(rig.journal.byClientOrderId(resting.clientOrderId)).toMatchObject({ status: 'cancelled', reason: 'ttl' })
  })

  it('arms the dead-man switch where the client has one and renews it while running; close stops renewing', async () => {
    rig = await startEngineRig({ deadMan: true })
    await rig.engine.reconcile(ACCOUNT)
    expect(rig.client.deadMan).toEqual([60_000])
    await rig.advance(60_000)
    expect(rig.client.deadMan).toEqual([60_000, 60_000, 60_000, 60_000])
    await rig.engine.reconcile(ACCOUNT)
    expect(rig.client.deadMan).toHaveLength(4)
    rig.engine.close()
    await rig.advance(60_000)
    expect(rig.client.deadMan).toHaveLength(4)
    expect(rig.auditKinds()).toContain('execution.dead_man_armed')
  })

  it('a client without a dead-man switch is left alone', async () => {
    rig = await startEngineRig()
    await rig.engine.reconcile(ACCOUNT)
    expect(rig.auditKinds()).not.toContain('execution.dead_man_armed')
  })
})
