import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/shared/contract/channels'
import type { ContractSuiteOptions } from './contract-suite'
import { until } from './contract-suite'
import { BTC, draft, useOrderPathRig } from './order-path-support'

/** accounts, orders and the portfolio over one transport: the paper order path end to end. */
export function defineOrderContract(name: string, options: ContractSuiteOptions): void {
  describe(`orders over ${name}`, () => {
    const rig = useOrderPathRig(options)

    it('a fresh profile has the default paper account on the simulator', async () => {
      expect(await rig.call('accounts.list')).toEqual([
        { id: 'paper-sim', name: 'Paper (simulator)', venue: 'sim', mode: 'paper', pilotId: null, liveEnabled: false, createdAt: expect.any(Number), breaker: 'active', paused: false, keyStored: false },
      ])
      const snapshot = await rig.call('portfolio.snapshot')
      expect(snapshot.accounts).toEqual([expect.objectContaining({ accountId: 'paper-sim', currency: 'USDT', equity: 10_000, positions: [] })])
      expect(snapshot.totals).toEqual([{ currency: 'USDT', equity: 10_000, dayPnl: 0, totalPnl: 0, unrealizedPnl: 0 }])
    })

    it('a paper market order is accepted, filled, held in the portfolio and listed in the history', async () => {
      const updates: EventPayload<'orders.updated'>[] = []
      const fills: EventPayload<'orders.filled'>[] = []
      const portfolio: EventPayload<'portfolio.updated'>[] = []
      const offs = [rig.client.on('orders.updated', (o) => updates.push(o)), rig.client.on('orders.filled', (f) => fills.push(f)), rig.client.on('portfolio.updated', (p) => portfolio.push(p))]
      await until(() => rig.kernel.workstation.bus.listenerCount('portfolio.updated') > 0)

      const preview = await rig.call('orders.preview', draft())
      expect(preview).toMatchObject({ decision: 'accept', reasons: [], needsApproval: false, estimate: { notional: expect.any(Number), referencePrice: expect.any(Number) } })
      const outcome = await rig.call('orders.submit', { draft: draft(), confirmed: false })
      expect(outcome).toMatchObject({ status: 'sent', verdict: { decision: 'accept' }, order: { accountId: 'paper-sim', symbol: BTC, side: 'buy', state: 'filled', filled: 0.01, origin: { kind: 'manual' } } })
      expect(outcome.order!.fees).toBeGreaterThan(0)
      expect(outcome.order!.slippagePct).not.toBeNull()

      await until(() => fills.length === 1 && updates.some((u) => u.state === 'filled') && portfolio.some((p) => p.positions.length === 1))
      expect(fills[0]).toMatchObject({ accountId: 'paper-sim', intentId: outcome.intentId, fill: { symbol: BTC, side: 'buy', amount: 0.01 } })
      const snapshot = await rig.call('portfolio.snapshot')
      expect(snapshot.accounts[0]!.positions).toEqual([expect.objectContaining({ venue: 'sim', symbol: BTC, side: 'long', contracts: 0.01 })])
      expect(snapshot.accounts[0]!.fees).toBeGreaterThan(0)
      expect(await rig.call('orders.list', { scope: 'open' })).toEqual([])
      const history = await rig.call('orders.list', { scope: 'history', accountId: 'paper-sim' })
      expect(history).toEqual([expect.objectContaining({ intentId: outcome.intentId, state: 'filled', filled: 0.01 })])
      expect((await rig.call('portfolio.equityCurve', { accountId: 'paper-sim' })).length).toBeGreaterThan(0)
      const kinds = rig.kernel.store.audit.tail(50).map((e) => e.kind)
      expect(kinds).toEqual(expect.arrayContaining(['orders.evaluated', 'execution.intent', 'execution.sent', 'execution.answer', 'execution.fill', 'orders.submitted']))
      for (const off of offs) off()
    })

    it('portfolio.updated follows the marks of held symbols, at most every 250 ms per account', async () => {
      await rig.call('orders.submit', { draft: draft(), confirmed: true })
      const seen: EventPayload<'portfolio.updated'>[] = []
      const off = rig.client.on('portfolio.updated', (p) => seen.push(p))
      await until(() => rig.kernel.workstation.bus.listenerCount('portfolio.updated') > 0)
      const from = rig.kernel.clock.now()
      for (let i = 0; i < 40; i++) {
        rig.kernel.clock.advance(125)
        await new Promise((resolve) => setImmediate(resolve))
      }
      await until(() => seen.some((p) => p.at >= from + 4_750))
      off()
      const times = seen.map((p) => p.at)
      expect(times.every((at, i) => i === 0 || at - times[i - 1]! >= 250)).toBe(true)
      expect(seen.length).toBeLessThanOrEqual(5_000 / 250 + 1)
      const marks = new Set(seen.map((p) => p.positions[0]?.markPrice))
      expect(marks.size).toBeGreaterThan(1)
      const last = seen.at(-1)!
      const position = last.positions[0]!
      expect(position.unrealizedPnl).toBeCloseTo((position.markPrice! - position.entryPrice) * 0.01 * 0.01, 6)
      expect(last.equity).toBeCloseTo(last.balance + last.unrealizedPnl, 6)
    })

    it('a paper position survives a restart: the portfolio and the simulated venue agree and it can be closed', async () => {
      await rig.call('orders.submit', { draft: draft({ amount: 0.03 }), confirmed: true })
      await until(() => rig.kernel.workstation.orderPath.portfolio.positions('paper-sim').length === 1)
      const before = (await rig.call('portfolio.snapshot')).accounts[0]!
      await rig.restart()
      const after = (await rig.call('portfolio.snapshot')).accounts[0]!
      expect(after.positions).toEqual([expect.objectContaining({ symbol: BTC, side: 'long', contracts: 0.03, entryPrice: before.positions[0]!.entryPrice })])
      expect(after.balance).toBeCloseTo(before.balance, 8)
      const reconciled = rig.kernel.store.audit.tail(30).find((e) => e.kind === 'orders.reconciled')
      expect(reconciled?.payload).toMatchObject({ positionDifferences: [], errors: [] })
      const close = await rig.call('orders.submit', { draft: draft({ side: 'sell', amount: 0.03, reduceOnly: true }), confirmed: true })
      expect(close).toMatchObject({ status: 'sent', order: { state: 'filled', filled: 0.03 } })
      await until(() => rig.kernel.workstation.orderPath.portfolio.positions('paper-sim').length === 0)
      expect(await rig.call('orders.list', { scope: 'history' })).toHaveLength(2)
    })

    it('refuses bad orders with reasons and sends nothing', async () => {
      const nan = await rig.raw('orders.submit', { draft: { ...draft(), amount: Number.NaN }, confirmed: true })
      expect(nan).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      const huge = await rig.call('orders.submit', { draft: draft({ amount: 1e308 }), confirmed: true })
      expect(huge).toMatchObject({ status: 'rejected', order: null })
      expect(huge.verdict.reasons.length).toBeGreaterThan(0)
      const unknown = await rig.call('orders.submit', { draft: draft({ symbol: 'BTC/USDT' }), confirmed: true })
      expect(unknown.verdict.reasons).toContainEqual(expect.objectContaining({ code: 'unknown_symbol', message: expect.stringContaining(BTC) }))
      const mark = (await rig.call('orders.preview', draft())).estimate.referencePrice!
      const farOff = await rig.call('orders.submit', { draft: draft({ type: 'limit', timeInForce: 'GTC', price: Math.round(mark * 1.5) }), confirmed: true })
      expect(farOff.verdict.reasons.map((r) => r.code)).toContain('price_outside_band')
      const leveraged = await rig.call('orders.submit', { draft: draft({ leverage: 50 }), confirmed: true })
      expect(leveraged.verdict.reasons.map((r) => r.code)).toContain('leverage_above_cap')
      for (const outcome of [huge, unknown, farOff, leveraged]) expect(outcome).toMatchObject({ status: 'rejected', order: null, verdict: { decision: 'reject' } })
      expect(await rig.call('orders.list', { scope: 'open' })).toEqual([])
      expect(await rig.call('orders.list', { scope: 'history' })).toEqual([])
      expect(rig.kernel.store.journal.entries('paper-sim')).toEqual([])
    })

    it('an order above the approval threshold waits for the second approval, and is sent only when approved', async () => {
      await rig.call('accounts.create', { id: 'big', name: 'Big paper', venue: 'sim', mode: 'paper', startingBalance: 1_000_000 })
      const requested: EventPayload<'approvals.requested'>[] = []
      const resolved: EventPayload<'approvals.resolved'>[] = []
      const offs = [rig.client.on('approvals.requested', (r) => requested.push(r)), rig.client.on('approvals.resolved', (r) => resolved.push(r))]
      await until(() => rig.kernel.workstation.bus.listenerCount('approvals.resolved') > 0)
      const large = draft({ accountId: 'big', amount: 4 })
      expect(await rig.call('orders.preview', large)).toMatchObject({ decision: 'accept', needsApproval: true })

      const unconfirmed = await rig.call('orders.submit', { draft: large, confirmed: false })
      expect(unconfirmed).toMatchObject({ status: 'approval_denied', order: null, message: expect.stringContaining('confirmation') })
      expect(rig.kernel.approver.requests).toHaveLength(0)

      const denied = await rig.call('orders.submit', { draft: large, confirmed: true })
      expect(denied).toMatchObject({ status: 'approval_denied', order: null })
      expect(rig.kernel.store.journal.entries('big')).toEqual([])

      rig.kernel.approver.script('approved')
      const approved = await rig.call('orders.submit', { draft: large, confirmed: true })
      expect(approved).toMatchObject({ status: 'sent', order: { accountId: 'big', state: 'filled', filled: 4 } })
      expect(rig.kernel.approver.requests).toHaveLength(2)
      expect(rig.kernel.approver.requests[1]!.title).toContain('Buy 4 BTC/USDT:USDT at market on big')
      await until(() => requested.length === 2 && resolved.length === 2)
      expect(requested[0]).toMatchObject({ channel: options.shell === 'electron' ? 'dialog' : 'terminal', title: expect.stringContaining('Buy 4') })
      expect(resolved.map((r) => r.answer)).toEqual(['denied', 'approved'])
      expect(await rig.call('approvals.pending')).toEqual([])
      const kinds = rig.kernel.store.audit.tail(80).map((e) => e.kind)
      expect(kinds).toEqual(expect.arrayContaining(['orders.approvalDenied', 'approval.requested', 'approval.answered', 'approval.consumed', 'orders.submitted']))
      for (const off of offs) off()
    })

    it('a resting limit order is listed as open and cancelled on request', async () => {
      const mark = (await rig.call('orders.preview', draft())).estimate.referencePrice!
      const outcome = await rig.call('orders.submit', { draft: draft({ type: 'limit', timeInForce: 'GTC', price: Math.round(mark * 0.99) }), confirmed: true })
      expect(outcome).toMatchObject({ status: 'sent', order: { state: 'open' } })
      expect((await rig.call('orders.list', { scope: 'open' })).map((o) => o.intentId)).toEqual([outcome.intentId])
      const cancelled = await rig.call('orders.cancel', { intentId: outcome.intentId })
      expect(cancelled).toMatchObject({ intentId: outcome.intentId, state: 'cancelled' })
      expect(await rig.call('orders.list', { scope: 'open' })).toEqual([])
      const unknown = await rig.raw('orders.cancel', { intentId: 'no-such-intent' })
      expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    })

    it('accounts.create adds a paper account, announces it and refuses duplicates and unknown venues', async () => {
      const changed: EventPayload<'accounts.changed'>[] = []
      const off = rig.client.on('accounts.changed', (a) => changed.push(a))
      await until(() => rig.kernel.workstation.bus.listenerCount('accounts.changed') > 0)
      const created = await rig.call('accounts.create', { id: 'second', name: 'Second', venue: 'sim', mode: 'paper', startingBalance: 500 })
      expect(created).toMatchObject({ id: 'second', mode: 'paper', liveEnabled: false, breaker: 'active' })
      await until(() => changed.length === 1)
      expect((await rig.call('portfolio.snapshot')).accounts.find((a) => a.accountId === 'second')).toMatchObject({ equity: 500 })
      expect(await rig.raw('accounts.create', { id: 'second', name: 'Again', venue: 'sim', mode: 'paper' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await rig.raw('accounts.create', { id: 'third', name: 'Nowhere', venue: 'nowhere', mode: 'paper' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await rig.raw('accounts.create', { id: 'live-sim', name: 'Live sim', venue: 'sim', mode: 'live' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      off()
    })
  })
}
