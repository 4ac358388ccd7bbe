import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/shared/contract/channels'
import type { ContractSuiteOptions } from './contract-suite'
import { until } from './contract-suite'
import { draft, useOrderPathRig } from './order-path-support'

const ACCOUNT = { kind: 'account', accountId: 'paper-sim' } as const

/** Risk rules, breakers and the kill switch over one transport. */
export function defineRiskContract(name: string, options: ContractSuiteOptions): void {
  describe(`risk over ${name}`, () => {
    const rig = useOrderPathRig(options)

    const restingBuys = async (count: number): Promise<string[]> => {
      const mark = (await rig.call('orders.preview', draft())).estimate.referencePrice!
      const ids: string[] = []
      for (let i = 0; i < count; i++) {
        const outcome = await rig.call('orders.submit', { draft: draft({ type: 'limit', timeInForce: 'GTC', price: Math.round(mark * (0.99 - i * 0.001)) }), confirmed: true })
        expect(outcome).toMatchObject({ status: 'sent', order: { state: 'open' } })
        ids.push(outcome.intentId)
      }
      return ids
    }

    it('the kill switch halts, cancels every resting order, flattens, and the venue confirms nothing is open', async () => {
      await rig.call('orders.submit', { draft: draft({ amount: 0.02 }), confirmed: true })
      await restingBuys(3)
      expect(await rig.call('orders.list', { scope: 'open' })).toHaveLength(3)
      const progress: EventPayload<'risk.killSwitchProgressed'>[] = []
      const off = rig.client.on('risk.killSwitchProgressed', (p) => progress.push(p))
      await until(() => rig.kernel.workstation.bus.listenerCount('risk.killSwitchProgressed') > 0)

      expect(await rig.raw('risk.killSwitch.engage', { scope: { kind: 'desk' }, flatten: true, confirmed: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      // Flattening trades at market: it waits for the second approval (the halt and cancels do not).
      rig.kernel.approver.script('approved')
      const receipt = await rig.call('risk.killSwitch.engage', { scope: { kind: 'desk' }, flatten: true, confirmed: true })
      expect(receipt).toMatchObject({ scope: { kind: 'desk' }, flatten: true, ordersCancelled: 3, positionsFlattened: 1, openOrdersRemaining: 0, attempts: 1, completedAt: expect.any(Number) })
      expect(receipt.perAccount).toEqual([{ accountId: 'paper-sim', openOrders: 0, positions: 0, error: null }])
      await until(() => progress.some((p) => p.completedAt !== null))
      expect(progress.at(-1)).toEqual(receipt)
      off()

      expect(await rig.call('orders.list', { scope: 'open' })).toEqual([])
      const history = await rig.call('orders.list', { scope: 'history' })
      expect(history.filter((o) => o.state === 'cancelled')).toHaveLength(3)
      expect(history.find((o) => o.origin.kind === 'kill_switch')).toMatchObject({ reduceOnly: true, side: 'sell', state: 'filled', amount: 0.02 })
      await until(() => rig.kernel.workstation.orderPath.portfolio.positions('paper-sim').length === 0)
      expect(await rig.call('risk.status')).toContainEqual(expect.objectContaining({ scope: { kind: 'desk' }, state: 'halted' }))
      const blocked = await rig.call('orders.submit', { draft: draft(), confirmed: true })
      expect(blocked).toMatchObject({ status: 'rejected', order: null })
      expect(blocked.verdict.reasons.map((r) => r.code)).toContain('breaker_halted')
      const kinds = rig.kernel.store.audit.tail(80).map((e) => e.kind)
      expect(kinds).toEqual(expect.arrayContaining(['risk.killSwitchEngaged', 'execution.cancel_all', 'risk.killSwitchCompleted']))
    })

    it('a kill switch whose flattening is not approved still halts and cancels, and says the positions stayed', async () => {
      await rig.call('orders.submit', { draft: draft({ amount: 0.02 }), confirmed: true })
      await restingBuys(1)
      rig.kernel.approver.script('denied')
      const receipt = await rig.call('risk.killSwitch.engage', { scope: { kind: 'desk' }, flatten: true, confirmed: true })
      expect(receipt).toMatchObject({ ordersCancelled: 1, positionsFlattened: 0, openOrdersRemaining: 0, completedAt: expect.any(Number) })
      expect(receipt.perAccount[0]!.error).toMatch(/^positions not flattened: /)
      expect(rig.kernel.workstation.orderPath.portfolio.positions('paper-sim')).toHaveLength(1)
      expect(rig.kernel.approver.requests.map((r) => r.title)).toEqual([expect.stringMatching(/^Flatten everything/)])
    })

    it('a halt survives a restart and blocks new entries until a person lifts it with two approvals', async () => {
      await restingBuys(1)
      const receipt = await rig.call('risk.killSwitch.engage', { scope: ACCOUNT, flatten: false, confirmed: true })
      expect(receipt).toMatchObject({ ordersCancelled: 1, openOrdersRemaining: 0 })

      await rig.restart()
      const status = await rig.call('risk.status')
      expect(status).toContainEqual(expect.objectContaining({ scope: ACCOUNT, state: 'halted', reasons: [expect.stringContaining('kill switch')] }))
      expect(status).toContainEqual(expect.objectContaining({ scope: { kind: 'desk' }, state: 'active' }))
      expect((await rig.call('accounts.list'))[0]).toMatchObject({ id: 'paper-sim', breaker: 'halted' })
      const blocked = await rig.call('orders.submit', { draft: draft(), confirmed: true })
      expect(blocked.verdict.reasons.map((r) => r.code)).toContain('breaker_halted')

      expect(await rig.raw('risk.liftHalt', { scope: ACCOUNT, confirmed: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await rig.raw('risk.liftHalt', { scope: ACCOUNT, confirmed: true })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('denied') } })
      expect(await rig.call('risk.status')).toContainEqual(expect.objectContaining({ scope: ACCOUNT, state: 'halted' }))
      rig.kernel.approver.script('approved')
      expect(await rig.call('risk.liftHalt', { scope: ACCOUNT, confirmed: true })).toMatchObject({ scope: ACCOUNT, state: 'active', paused: false })
      expect(rig.kernel.approver.requests.at(-1)!.title).toBe('Lift the trading halt on account paper-sim')
      expect(await rig.call('orders.submit', { draft: draft(), confirmed: true })).toMatchObject({ status: 'sent' })
    })

    it('a pause lets only risk-reducing orders through until resumed', async () => {
      await rig.call('orders.submit', { draft: draft({ amount: 0.02 }), confirmed: true })
      const changes: EventPayload<'risk.stateChanged'>[] = []
      const off = rig.client.on('risk.stateChanged', (s) => changes.push(s))
      await until(() => rig.kernel.workstation.bus.listenerCount('risk.stateChanged') > 0)
      expect(await rig.call('risk.pause', { scope: ACCOUNT })).toMatchObject({ scope: ACCOUNT, state: 'active', paused: true })
      const entry = await rig.call('orders.submit', { draft: draft(), confirmed: true })
      expect(entry.verdict.reasons.map((r) => r.code)).toContain('breaker_reducing')
      expect(await rig.call('orders.submit', { draft: draft({ side: 'sell', reduceOnly: true }), confirmed: true })).toMatchObject({ status: 'sent', order: { state: 'filled' } })
      expect(await rig.call('risk.resume', { scope: ACCOUNT })).toMatchObject({ paused: false })
      expect(await rig.call('orders.submit', { draft: draft(), confirmed: true })).toMatchObject({ status: 'sent' })
      await until(() => changes.length === 2)
      expect(changes.map((c) => c.paused)).toEqual([true, false])
      off()
    })

    it('tightening the risk rules applies at once; loosening needs the confirmation and a second approval', async () => {
      const config = await rig.call('risk.getConfig')
      const seen: EventPayload<'risk.configChanged'>[] = []
      const off = rig.client.on('risk.configChanged', (c) => seen.push(c))
      await until(() => rig.kernel.workstation.bus.listenerCount('risk.configChanged') > 0)

      const tighter = await rig.call('risk.updateConfig', { config: { ...config, maxLeverage: 5 }, confirmed: false })
      expect(tighter).toEqual({ config: { ...config, version: config.version + 1, maxLeverage: 5 }, changes: [{ path: 'maxLeverage', from: 10, to: 5, loosening: false }] })
      const current = tighter.config
      const looser = { ...current, maxLeverage: 20, denySymbols: [] }
      expect(await rig.raw('risk.updateConfig', { config: looser, confirmed: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await rig.raw('risk.updateConfig', { config: looser, confirmed: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await rig.call('risk.getConfig')).toEqual(current)
      rig.kernel.approver.script('approved')
      const loosened = await rig.call('risk.updateConfig', { config: looser, confirmed: true })
      expect(loosened).toMatchObject({ config: { version: current.version + 1, maxLeverage: 20 }, changes: [{ path: 'maxLeverage', from: 5, to: 20, loosening: true }] })
      expect(rig.kernel.approver.requests.at(-1)!.details).toEqual(['maxLeverage: 5 → 20'])
      expect(await rig.raw('risk.updateConfig', { config: current, confirmed: false })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('version') } })
      await until(() => seen.length === 2)
      expect(seen.map((c) => c.version)).toEqual([config.version + 1, config.version + 2])
      off()

      await rig.restart()
      expect(await rig.call('risk.getConfig')).toEqual(loosened.config)
    })
  })
}
