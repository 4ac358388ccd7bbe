import { describe, expect, it } from 'vitest'
import type { DecisionSummary } from '../../src/shared/domain/agents/decision'
import { BTC, ETH } from '../support/agent-desk/desk-kernel'
import { useDeskRig, type DeskRig } from '../support/agent-desk/desk-rig'
import { deskResponder, marketOrder, traderDecision } from '../support/agent-desk/role-answers'

const decisionsOf = (rig: DeskRig, pilotId: string): Promise<DecisionSummary[]> => rig.desk.client.call('feed.search', { pilotId, limit: 100 })

describe('agent desk on a fresh profile', () => {
  const rig = useDeskRig()

  it('seeds the default arena: three pilots on their own 10,000 USDT paper accounts, the model pilots waiting for a key', async () => {
    const pilots = await rig.desk.client.call('pilots.list')
    expect(Object.fromEntries(pilots.map((p) => [p.config.id, p.state]))).toEqual({ rules: 'running', deepseek: 'waiting_for_key', qwen: 'waiting_for_key' })
    const accounts = await rig.desk.client.call('accounts.list')
    for (const pilot of pilots) {
      const account = accounts.find((a) => a.id === pilot.config.accountId)
      expect(account).toMatchObject({ mode: 'paper', venue: 'sim', pilotId: pilot.config.id })
      expect(pilot.config.symbols).toEqual([BTC, ETH])
    }
    const board = await rig.desk.client.call('arena.leaderboard')
    expect(board).toHaveLength(3)
    for (const row of board) expect(row).toMatchObject({ startingEquity: 10_000, equity: 10_000, returnPct: 0, trades: 0, modelCostUsd: 0 })
  })

  it('runs the rules pilot on the simulated market and records its decision with the frozen snapshot', async () => {
    const report = await rig.desk.settle(rig.desk.client.call('pilots.runNow', { pilotId: 'rules' }))
    expect(['traded', 'held']).toContain(report.outcome)
    const [decision] = await decisionsOf(rig, 'rules')
    expect(decision).toMatchObject({ pilotId: 'rules', role: 'trader', model: { providerId: 'rules', model: 'trend_following' }, promptVersion: 1, outcome: 'parsed' })
    const record = await rig.desk.client.call('feed.get', { decisionId: decision!.id })
    expect(record.snapshotHash).toBe(report.snapshotHash)
    const snapshot = await rig.desk.client.call('feed.snapshot', { hash: record.snapshotHash })
    expect(snapshot.symbols.map((s) => s.symbol)).toEqual([BTC, ETH])
    for (const symbol of snapshot.symbols) {
      expect(symbol.candles['15m']!.length).toBeGreaterThan(50)
      expect(symbol.indicators['15m']!.ema20).toBeGreaterThan(0)
      expect(symbol.book.bids.length).toBeGreaterThan(0)
    }
    expect(record.account).toMatchObject({ accountId: 'arena-rules', equity: 10_000 })
    // The decision's fingerprint is on the audit chain.
    const audited = rig.desk.kernel.store.audit.tail(50).find((e) => e.kind === 'agents.decision' && e.subject === decision!.id)
    expect(audited?.payload).toMatchObject({ role: 'trader', snapshotHash: record.snapshotHash, inputHash: record.inputHash, outcome: 'parsed' })
    // No model was called: the rules need no key and no network.
    expect(rig.fake.chatRequests()).toHaveLength(0)
  })

  it('refuses to run a model pilot without a key, and says why', async () => {
    const envelope = await rig.desk.settle(rig.desk.client.callEnvelope('pilots.runNow', { pilotId: 'deepseek' }))
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(envelope.error.message).toMatch(/waiting for key.*no API key for DeepSeek/)
  })
})

describe('model pilots against the fake OpenAI-compatible server', () => {
  const rig = useDeskRig({ keys: true })

  it('stores keys only after a test call, in the keychain, and the pilots start running', async () => {
    expect(rig.desk.secrets.entries.get('model-provider:deepseek')).toBe('sk-test-0123456789abcdef')
    const pilots = await rig.desk.client.call('pilots.list')
    expect(pilots.find((p) => p.config.id === 'deepseek')?.state).toBe('running')
    const providers = await rig.desk.client.call('models.listProviders')
    expect(providers.find((p) => p.provider.id === 'deepseek')).toMatchObject({ keyStored: true, provider: { baseUrl: rig.fake.url } })
    expect(JSON.stringify(providers)).not.toContain('sk-test')
  })

  it('runs the desk pipeline: nine roles, analysts in parallel, the trader order sent and filled', async () => {
    rig.fake.respondWith(deskResponder(() => ({ json: traderDecision([marketOrder(BTC, 'buy', 0.1)]) })))
    const report = await rig.desk.settle(rig.desk.client.call('pilots.runNow', { pilotId: 'deepseek' }))
    expect(report).toMatchObject({ outcome: 'traded', decisions: 9, intents: 1, sent: 1 })
    const decisions = await decisionsOf(rig, 'deepseek')
    expect(new Set(decisions.map((d) => d.role)).size).toBe(9)
    expect(decisions.every((d) => d.cycleId === report.cycleId && d.outcome === 'parsed')).toBe(true)
    // Cheap model for the analysts, the strong one for the trader.
    expect(decisions.find((d) => d.role === 'technical_analyst')?.model.model).toBe('deepseek-chat')
    expect(decisions.find((d) => d.role === 'trader')?.model.model).toBe('deepseek-reasoner')
    const models = rig.fake.chatRequests().map((r) => r.body?.model)
    expect(models.filter((m) => m === 'deepseek-reasoner')).toHaveLength(1)
    // The bull and bear saw the analysts' reports.
    const bull = rig.fake.chatRequests().find((r) => JSON.stringify(r.body?.messages).includes('argue the long side'))
    expect(JSON.stringify(bull?.body?.messages)).toContain('technical_analyst sees a mild uptrend')

    const traderDecisionNow = async () => (await decisionsOf(rig, 'deepseek')).find((d) => d.role === 'trader')!
    // The feed follows the order: its link moves to filled as the paper venue fills it.
    await rig.desk.until(async () => (await traderDecisionNow()).intents[0]?.orderStatus === 'filled', 'the pilot order to fill')
    expect((await traderDecisionNow()).intents).toEqual([expect.objectContaining({ symbol: BTC, side: 'buy', amount: 0.1, status: 'sent', filled: 0.1 })])
    const portfolio = await rig.desk.client.call('portfolio.snapshot')
    expect(portfolio.accounts.find((a) => a.accountId === 'arena-deepseek')?.positions[0]).toMatchObject({ symbol: BTC, side: 'long' })
    // Tokens and cost are charged to the pilot.
    const pilot = (await rig.desk.client.call('pilots.list')).find((p) => p.config.id === 'deepseek')!
    expect(pilot.spentToday.tokens).toBeGreaterThan(0)
    expect(pilot.spentToday.usd).toBeGreaterThan(0)
  })

  it('a veto by the risk officer stops the orders and is recorded', async () => {
    rig.fake.respondWith(
      deskResponder(
        () => ({ json: traderDecision([marketOrder(BTC, 'buy', 0.1)]) }),
        () => ({ json: { verdict: 'veto', concerns: ['funding too rich'], summary: 'Funding eats the edge.' } }),
      ),
    )
    const report = await rig.desk.settle(rig.desk.client.call('pilots.runNow', { pilotId: 'deepseek' }))
    expect(report).toMatchObject({ outcome: 'no_action', sent: 0 })
    const decisions = await decisionsOf(rig, 'deepseek')
    expect(decisions.find((d) => d.role === 'risk_officer')?.outcome).toBe('vetoed')
    expect(decisions.find((d) => d.role === 'trader')?.intents[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/vetoed by the risk officer/) })
    expect(await rig.desk.client.call('orders.list', { accountId: 'arena-deepseek', scope: 'history', limit: 10 })).toHaveLength(0)
  })
})

describe('keys without a keychain', () => {
  const rig = useDeskRig()
  it('says the keychain is unavailable, with its reason, and stores nothing', async () => {
    const { createTestKernel, KEYCHAIN_MISSING } = await import('../support/test-kernel')
    const { makeTempDir } = await import('../support/temp-dir')
    const dir = makeTempDir()
    const kernel = createTestKernel(dir.path, 'headless', { agents: { modelEndpoints: { deepseek: rig.fake.url } } })
    try {
      const envelope = await kernel.workstation.dispatch('models.saveKey', { providerId: 'deepseek', apiKey: 'sk-test-abcdefgh12345678' })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(KEYCHAIN_MISSING) } })
      expect(rig.fake.chatRequests()).toHaveLength(0)
    } finally {
      await kernel.workstation.shutdown()
      dir.remove()
    }
  })
})
