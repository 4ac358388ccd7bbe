import { describe, expect, it } from 'vitest'
import { createApprovalGate, type ApprovalEvent } from '../../../src/main/core/approval/approval-gate'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { RiskyAction } from '../../../src/main/core/approval/risky-action'
import { createFakeApprover, createMemoryAudit, flush, placeOrder, sha256 } from './support'

function setup(options: { priceBandPct?: number } = {}) {
  const clock = createTestClock(1_000_000)
  const approver = createFakeApprover()
  const audit = createMemoryAudit()
  const events: ApprovalEvent[] = []
  let ids = 0
  const gate = createApprovalGate({
    approver,
    clock,
    audit,
    sha256,
    bus: { publish: (_topic, event) => events.push(event) },
    newId: () => `req-${++ids}`,
    ...(options.priceBandPct === undefined ? {} : { priceBandPct: () => options.priceBandPct ?? 0 }),
  })
  return { clock, approver, audit, events, gate }
}

describe('approval gate: asking', () => {
  it('shows a title and details built from the parameters, and returns an approval bound to their hash', async () => {
    const { clock, approver, gate } = setup()
    const pending = gate.requestSecondApproval(placeOrder())
    const [request] = approver.requests
    expect(request?.title).toBe('Buy 5 BTC/USDT:USDT at market on paper-okx')
    expect(request?.details).toEqual(['Venue: okx', 'Notional: 325,000', 'Leverage: 5x', 'Mark price: 65,000', 'Intent: intent-0001'])
    expect(request?.paramsHash).toMatch(/^[0-9a-f]{64}$/)
    expect(request?.expiresAt).toBe(1_000_000 + 30_000)

    clock.advance(4_000)
    await approver.answer(0, 'approved')
    const outcome = await pending
    expect(outcome).toEqual({ ok: true, approval: { id: 'req-1', paramsHash: request?.paramsHash, approvedAt: 1_004_000, expiresAt: 1_030_000 } })
  })

  it('hashes the same parameters the same whatever their key order', async () => {
    const { approver, gate } = setup()
    const action = placeOrder()
    if (action.kind !== 'place_order') throw new Error('unreachable')
    const reordered = { mark: action.mark, leverage: action.leverage, notional: action.notional, order: { ...action.order }, kind: action.kind } as RiskyAction
    void gate.requestSecondApproval(action)
    void gate.requestSecondApproval(structuredClone(action))
    void gate.requestSecondApproval(reordered)
    const hashes = new Set(approver.requests.map((r) => r.paramsHash))
    expect(hashes.size).toBe(1)
  })

  it('a denial is a refusal with the reason', async () => {
    const { approver, gate } = setup()
    const pending = gate.requestSecondApproval({ kind: 'enable_live_mode', accountId: 'live-okx' })
    expect(approver.requests[0]?.title).toBe('Enable LIVE trading on account live-okx')
    await approver.answer(0, 'denied')
    await expect(pending).resolves.toMatchObject({ ok: false, requestId: 'req-1', reason: 'denied' })
  })

  it('no answer means no: expired at 30 s on the clock, and a late approval is ignored', async () => {
    const { clock, approver, audit, gate } = setup()
    let settled = false
    const pending = gate.requestSecondApproval({ kind: 'flatten_all', scope: { kind: 'desk' } })
    void pending.then(() => (settled = true))
    clock.advance(29_999)
    await flush()
    expect(settled).toBe(false)
    clock.advance(1)
    await expect(pending).resolves.toMatchObject({ ok: false, reason: 'expired' })
    expect(clock.pending()).toBe(0)

    await approver.answer(0, 'approved')
    expect(audit.entries.at(-1)).toMatchObject({ kind: 'approval.lateAnswer', payload: { requestId: 'req-1', answer: 'approved', ignored: true } })
  })

  it('an approval reported at the deadline counts as expired, even if the timer is late', async () => {
    // A clock whose timers never fire: the live clock's can run late under load.
    let now = 0
    const lateClock = { now: () => now, setTimeout: () => ({ cancel() {} }), setInterval: () => ({ cancel() {} }) }
    const approver = createFakeApprover()
    const gate = createApprovalGate({ clock: lateClock, audit: createMemoryAudit(), sha256, approver, expiryMs: 10_000 })
    const pending = gate.requestSecondApproval({ kind: 'lift_halt', scope: { kind: 'account', accountId: 'paper-okx' } })
    now = 10_000
    await approver.answer(0, 'approved')
    await expect(pending).resolves.toMatchObject({ ok: false, reason: 'expired' })
  })

  it('a newer request about the same subject supersedes the pending one', async () => {
    const { approver, gate } = setup()
    const first = gate.requestSecondApproval(placeOrder({ amount: 5 }))
    const second = gate.requestSecondApproval(placeOrder({ amount: 6 }))
    await expect(first).resolves.toMatchObject({ ok: false, requestId: 'req-1', reason: 'superseded' })
    await approver.answer(1, 'approved')
    await expect(second).resolves.toMatchObject({ ok: true, approval: { id: 'req-2' } })

    // A different subject does not supersede.
    const a = gate.requestSecondApproval(placeOrder({ intentId: 'intent-000A' }))
    const b = gate.requestSecondApproval(placeOrder({ intentId: 'intent-000B' }))
    await approver.answer(2, 'approved')
    await approver.answer(3, 'denied')
    await expect(a).resolves.toMatchObject({ ok: true })
    await expect(b).resolves.toMatchObject({ ok: false, reason: 'denied' })
  })

  it('refuses an invalid action without asking, and a whole API key never gets in', async () => {
    const { approver, audit, gate } = setup()
    const outcome = await gate.requestSecondApproval({ kind: 'add_api_key', venue: 'okx', accountId: 'live-okx', keyIdLast4: 'sk-live-0123456789abcdef' })
    expect(outcome).toMatchObject({ ok: false, requestId: null, reason: 'invalid' })
    expect(approver.requests).toHaveLength(0)
    expect(JSON.stringify(audit.entries)).not.toContain('0123456789abcdef')
    expect(JSON.stringify(outcome)).not.toContain('0123456789abcdef')
  })

  it('an approver that fails is a denial', async () => {
    const clock = createTestClock(0)
    const gate = createApprovalGate({ clock, audit: createMemoryAudit(), sha256, approver: { request: () => Promise.reject(new Error('no window')) } })
    await expect(gate.requestSecondApproval({ kind: 'enable_live_mode', accountId: 'a' })).resolves.toMatchObject({ ok: false, reason: 'denied', message: expect.stringContaining('no window') })
  })

  it('dispose refuses what is pending and leaves no timers', async () => {
    const { clock, gate } = setup()
    const pending = gate.requestSecondApproval({ kind: 'enable_live_mode', accountId: 'a' })
    gate.dispose()
    await expect(pending).resolves.toMatchObject({ ok: false, reason: 'expired' })
    expect(clock.pending()).toBe(0)
  })
})

describe('approval gate: verifying', () => {
  async function approved(setupResult: ReturnType<typeof setup>, action: RiskyAction) {
    const pending = setupResult.gate.requestSecondApproval(action)
    await setupResult.approver.answer(setupResult.approver.requests.length - 1, 'approved')
    const outcome = await pending
    if (!outcome.ok) throw new Error(`expected an approval, got ${outcome.reason}`)
    return outcome.approval
  }

  it('holds for the same parameters, in time, with the quote inside the band', async () => {
    const s = setup()
    const approval = await approved(s, placeOrder())
    expect(s.gate.verify(approval, placeOrder(), s.clock.now() + 1_000, { mark: 65_500 })).toEqual({ valid: true })
  })

  it('is void when a parameter changed', async () => {
    const s = setup()
    const approval = await approved(s, placeOrder({ amount: 5 }))
    expect(s.gate.verify(approval, placeOrder({ amount: 5.0001 }), s.clock.now(), { mark: 65_000 })).toMatchObject({ valid: false, reason: 'params_changed' })
    expect(s.gate.verify(approval, { kind: 'enable_live_mode', accountId: 'paper-okx' }, s.clock.now())).toMatchObject({ valid: false, reason: 'params_changed' })
  })

  it('is void once expired', async () => {
    const s = setup()
    const approval = await approved(s, { kind: 'enable_live_mode', accountId: 'live-okx' })
    expect(s.gate.verify(approval, { kind: 'enable_live_mode', accountId: 'live-okx' }, approval.expiresAt - 1)).toEqual({ valid: true })
    expect(s.gate.verify(approval, { kind: 'enable_live_mode', accountId: 'live-okx' }, approval.expiresAt)).toMatchObject({ valid: false, reason: 'expired' })
  })

  it('is void when the mark moved beyond the risk price band, or is unknown', async () => {
    const s = setup({ priceBandPct: 1 })
    const approval = await approved(s, placeOrder({ mark: 65_000 }))
    const now = s.clock.now()
    expect(s.gate.verify(approval, placeOrder(), now, { mark: 65_000 * 1.0099 })).toEqual({ valid: true })
    expect(s.gate.verify(approval, placeOrder(), now, { mark: 65_000 * 1.011 })).toMatchObject({ valid: false, reason: 'quote_moved' })
    expect(s.gate.verify(approval, placeOrder(), now, { mark: 65_000 * 0.98 })).toMatchObject({ valid: false, reason: 'quote_moved' })
    expect(s.gate.verify(approval, placeOrder(), now)).toMatchObject({ valid: false, reason: 'quote_missing' })
  })

  it('refuses an approval it did not issue, or one that was altered', async () => {
    const s = setup()
    const approval = await approved(s, placeOrder())
    const forged = { ...approval, id: 'req-999' }
    expect(s.gate.verify(forged, placeOrder(), s.clock.now(), { mark: 65_000 })).toMatchObject({ valid: false, reason: 'unknown_approval' })
    const stretched = { ...approval, expiresAt: approval.expiresAt + 3_600_000 }
    expect(s.gate.verify(stretched, placeOrder(), s.clock.now(), { mark: 65_000 })).toMatchObject({ valid: false, reason: 'unknown_approval' })
  })

  it('consume uses an approval once', async () => {
    const s = setup()
    const approval = await approved(s, placeOrder())
    expect(s.gate.consume(approval, placeOrder(), s.clock.now(), { mark: 65_000 })).toEqual({ valid: true })
    expect(s.gate.consume(approval, placeOrder(), s.clock.now(), { mark: 65_000 })).toMatchObject({ valid: false, reason: 'already_used' })
    expect(s.audit.entries.slice(-2).map((e) => e.kind)).toEqual(['approval.consumed', 'approval.voided'])
  })
})

describe('approval gate: audit and events', () => {
  it('records every request and answer, linked by the request id', async () => {
    const s = setup()
    const approvedOne = s.gate.requestSecondApproval(placeOrder())
    await s.approver.answer(0, 'approved')
    await approvedOne
    const expiredOne = s.gate.requestSecondApproval({ kind: 'loosen_risk_rule', changes: [{ path: 'maxLeverage', from: 10, to: 20 }] })
    s.clock.advance(30_000)
    await expiredOne

    const rows = s.audit.entries.map((e) => ({ kind: e.kind, subject: e.subject, payload: e.payload as Record<string, unknown> }))
    expect(rows.map((r) => [r.kind, r.payload.requestId])).toEqual([
      ['approval.requested', 'req-1'],
      ['approval.answered', 'req-1'],
      ['approval.requested', 'req-2'],
      ['approval.answered', 'req-2'],
    ])
    expect(rows[0]).toMatchObject({ subject: 'order:intent-0001', payload: { paramsHash: s.approver.requests[0]?.paramsHash, title: 'Buy 5 BTC/USDT:USDT at market on paper-okx' } })
    expect(rows[1]?.payload).toMatchObject({ answer: 'approved', outcome: 'approved' })
    expect(rows[2]).toMatchObject({ subject: 'risk-config', payload: { details: ['maxLeverage: 10 → 20'] } })
    expect(rows[3]?.payload).toMatchObject({ answer: 'expired', outcome: 'expired', note: 'no answer in time' })
    expect(s.events.map((e) => [e.requestId, e.state])).toEqual([
      ['req-1', 'pending'],
      ['req-1', 'approved'],
      ['req-2', 'pending'],
      ['req-2', 'expired'],
    ])
  })

  it('keeps only the last 4 characters of an API key id in the log', async () => {
    const s = setup()
    void s.gate.requestSecondApproval({ kind: 'add_api_key', venue: 'okx', accountId: 'live-okx', keyIdLast4: 'a1B9' })
    expect(s.approver.requests[0]).toMatchObject({ title: 'Store an API key for okx account live-okx', details: ['Key id ending …a1B9', 'The secret goes to the OS keychain only.'] })
    expect(s.audit.entries[0]?.payload).toMatchObject({ action: { kind: 'add_api_key', keyIdLast4: 'a1B9' } })
  })

  it('an answer the audit log cannot record does not approve', async () => {
    const clock = createTestClock(0)
    const audit = createMemoryAudit()
    const approver = createFakeApprover()
    const gate = createApprovalGate({ clock, sha256, approver, audit: { ...audit, append: (entry, at) => (entry.kind === 'approval.answered' ? fail() : audit.append(entry, at)) } })
    const pending = gate.requestSecondApproval({ kind: 'enable_live_mode', accountId: 'a' })
    await approver.answer(0, 'approved')
    await expect(pending).resolves.toMatchObject({ ok: false, reason: 'denied' })
  })
})

function fail(): never {
  throw new Error('disk full')
}
