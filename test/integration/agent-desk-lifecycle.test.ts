import { beforeEach, describe, expect, it } from 'vitest'
import type { CycleReport } from '../../src/shared/contract/domains/pilots'
import { answers } from '../support/fake-openai'
import { BTC } from '../support/agent-desk/desk-kernel'
import { useDeskRig } from '../support/agent-desk/desk-rig'
import { deskResponder, marketOrder, roleOfRequest, traderDecision } from '../support/agent-desk/role-answers'

const rig = useDeskRig({ keys: true })
beforeEach(async () => {
  await rig.desk.client.call('pilots.update', { pilotId: 'deepseek', patch: { pipeline: 'solo' } })
})

const buy = () => ({ json: traderDecision([marketOrder(BTC, 'buy', 0.1)]) })
const runDeepseek = () => rig.desk.settle(rig.desk.client.call('pilots.runNow', { pilotId: 'deepseek' }))
const latestTrader = async () => {
  const [summary] = await rig.desk.client.call('feed.search', { pilotId: 'deepseek', role: 'trader', limit: 1 })
  return rig.desk.client.call('feed.get', { decisionId: summary!.id })
}

describe('structured output', () => {
  it('repairs once: prose first, then a valid answer after seeing its errors, and the order goes out', async () => {
    rig.fake.script(answers.prose(), buy())
    const report = await runDeepseek()
    expect(report).toMatchObject({ outcome: 'traded', sent: 1 })
    const trader = await latestTrader()
    expect(trader.outcome).toBe('repaired')
    expect(trader.validationErrors[0]).toMatch(/not a JSON object/)
    expect(trader.rawOutput).toContain('constructive')
    expect(JSON.parse(trader.repairRawOutput!)).toMatchObject({ intent: 'open' })
    // DeepSeek has JSON object mode, not JSON schema: the schema travels in the prompt.
    const request = rig.fake.chatRequests().at(-1)!.body!
    expect(request.response_format).toEqual({ type: 'json_object' })
    expect(String(request.messages[0]!.content)).toContain('"strategyId"')
  })
})

describe('fallback and budgets', () => {
  it('falls back to the rules when the model is unreachable, and says so on the decision', async () => {
    rig.fake.respondWith(() => answers.serverError(500))
    const report = await runDeepseek()
    expect(['traded', 'held']).toContain(report.outcome)
    const trader = await latestTrader()
    expect(trader.model).toEqual({ providerId: 'rules', model: 'trend_following' })
    expect(trader.fallbackFrom).toEqual({ providerId: 'deepseek', model: 'deepseek-reasoner' })
    expect(trader.error).toMatch(/model failed, rules answered/)
  })

  it('holds a pilot over its daily budget', async () => {
    await rig.desk.client.call('pilots.update', { pilotId: 'deepseek', patch: { budget: { tokensPerDay: 50, usdPerDay: 5 } } })
    rig.fake.respondWith(deskResponder(buy))
    await runDeepseek()
    const status = (await rig.desk.client.call('pilots.list')).find((p) => p.config.id === 'deepseek')!
    expect(status.state).toBe('over_budget')
    expect(status.spentToday.tokens).toBeGreaterThanOrEqual(50)
    const refused = await rig.desk.settle(rig.desk.client.callEnvelope('pilots.runNow', { pilotId: 'deepseek' }))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/over budget/)
    // A bigger budget lets it run again at once.
    await rig.desk.client.call('pilots.update', { pilotId: 'deepseek', patch: { budget: { tokensPerDay: 1_000_000, usdPerDay: 5 } } })
    expect((await rig.desk.client.call('pilots.list')).find((p) => p.config.id === 'deepseek')!.state).toBe('running')
  })
})

describe('prompt versions reach the next run', () => {
  it('hot reload and rollback: the next cycle uses the saved version, then the rolled-back one', async () => {
    rig.fake.respondWith(deskResponder(() => ({ json: traderDecision([]) })))
    const [current] = await rig.desk.client.call('prompts.history', { role: 'trader' })
    const edited = { role: current!.role, tags: current!.tags, params: current!.params, sections: { ...current!.sections, goal: `${current!.sections.goal}\nMARKER-V2: size down on Fridays.` } }
    const saved = await rig.desk.client.call('prompts.save', { content: edited, note: 'Friday rule', author: 'tester' })
    expect(saved.version).toBe(2)

    await runDeepseek()
    expect((await latestTrader()).promptVersion).toBe(2)
    expect(String(rig.fake.chatRequests().at(-1)!.body!.messages[0]!.content)).toContain('MARKER-V2')

    const rolled = await rig.desk.client.call('prompts.rollback', { role: 'trader', version: 1, note: 'too clever' })
    expect(rolled).toMatchObject({ version: 3, rollbackOf: 1, hash: current!.hash })
    await runDeepseek()
    expect((await latestTrader()).promptVersion).toBe(3)
    expect(String(rig.fake.chatRequests().at(-1)!.body!.messages[0]!.content)).not.toContain('MARKER-V2')
  })

  it('refuses a prompt with an unknown template variable, and the running version stays', async () => {
    const [current] = await rig.desk.client.call('prompts.history', { role: 'trader' })
    const bad = { role: current!.role, tags: current!.tags, params: current!.params, sections: { ...current!.sections, goal: 'Trade {{mood}}.' } }
    const envelope = await rig.desk.client.callEnvelope('prompts.save', { content: bad, note: 'x', author: 'tester' })
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(JSON.stringify(envelope.error.details)).toContain('unknown_variable')
    expect(await rig.desk.client.call('prompts.history', { role: 'trader' })).toHaveLength(1)
  })
})

describe('replay', () => {
  it('replays from the recorded response exactly, and against the model side by side, without trading', async () => {
    rig.fake.respondWith(deskResponder(buy))
    await runDeepseek()
    const original = await latestTrader()
    const recorded = await rig.desk.client.call('feed.replay', { decisionId: original.id, mode: 'recorded' })
    expect(recorded.identical).toBe(true)
    expect(recorded.replay.parsedOutput).toEqual(original.parsedOutput)

    rig.fake.respondWith(deskResponder(() => ({ json: traderDecision([]) })))
    const callsBefore = rig.fake.chatRequests().length
    const ordersBefore = (await rig.desk.client.call('orders.list', { accountId: 'arena-deepseek', scope: 'history', limit: 50 })).length
    const again = await rig.desk.settle(rig.desk.client.call('feed.replay', { decisionId: original.id, mode: 'model' }))
    expect(again.identical).toBe(false)
    expect(again.replay.parsedOutput).toMatchObject({ intent: 'hold' })
    const sent = rig.fake.chatRequests().slice(callsBefore)
    expect(sent).toHaveLength(1)
    // The exact stored messages went out again.
    expect(sent[0]!.body!.messages.map((m) => m.content)).toEqual(original.messages.map((m) => m.content))
    expect((await rig.desk.client.call('orders.list', { accountId: 'arena-deepseek', scope: 'history', limit: 50 })).length).toBe(ordersBefore)
  })
})

describe('the arena schedule', () => {
  it('runs every due pilot on one shared snapshot, and the leaderboard follows', async () => {
    rig.fake.respondWith((body) => (roleOfRequest(body) === 'trader' ? buy() : undefined))
    await rig.desk.client.call('pilots.update', { pilotId: 'qwen', patch: { pipeline: 'solo' } })
    const reports: CycleReport[] = []
    rig.desk.kernel.workstation.subscribe('pilots.cycleCompleted', (report) => reports.push(report))
    rig.desk.kernel.workstation.agents!.pilots.start()
    await rig.desk.until(() => reports.length >= 3, 'one cycle of each pilot')
    expect(new Set(reports.map((r) => r.pilotId))).toEqual(new Set(['rules', 'deepseek', 'qwen']))
    expect(new Set(reports.map((r) => r.snapshotHash)).size).toBe(1)

    await rig.desk.until(async () => (await rig.desk.client.call('arena.leaderboard')).some((row) => row.pilotId === 'deepseek' && row.trades > 0), 'the deepseek fill on the leaderboard')
    const board = await rig.desk.client.call('arena.leaderboard')
    const deepseek = board.find((row) => row.pilotId === 'deepseek')!
    expect(deepseek.modelCostUsd).toBeGreaterThan(0)
    expect(deepseek.netReturnPct).toBeLessThan(deepseek.returnPct)
    expect(deepseek.decisions).toBeGreaterThanOrEqual(1)
    const views = await rig.desk.client.call('arena.pilots')
    expect(views.find((v) => v.pilotId === 'deepseek')?.positions[0]).toMatchObject({ symbol: BTC })
  })

  it('pause survives a restart; stop cancels nothing that is not running', async () => {
    const paused = await rig.desk.client.call('pilots.pause', { pilotId: 'rules' })
    expect(paused.state).toBe('paused')
    await rig.restart()
    expect((await rig.desk.client.call('pilots.list')).find((p) => p.config.id === 'rules')!.state).toBe('paused')
    expect((await rig.desk.client.call('pilots.resume', { pilotId: 'rules' })).state).toBe('running')
    expect((await rig.desk.client.call('pilots.stop', { pilotId: 'rules' })).state).toBe('stopped')
  })
})

describe('breakers over pilots', () => {
  it('a desk halt shows on every pilot at once, and a halted pilot does not run', async () => {
    const changes: string[] = []
    rig.desk.kernel.workstation.subscribe('pilots.changed', (status) => changes.push(`${status.config.id}:${status.state}`))
    rig.desk.kernel.workstation.orderPath.breakers.halt({ kind: 'desk' }, 'human', 'test halt')
    expect(changes).toEqual(expect.arrayContaining(['rules:halted', 'deepseek:halted', 'qwen:halted']))
    const refused = await rig.desk.settle(rig.desk.client.callEnvelope('pilots.runNow', { pilotId: 'rules' }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/halted/) } })
  })
})

describe('pilots the trader adds and removes', () => {
  it('creates a pilot with its own paper account, paused; it runs on demand, and removing it keeps its records', async () => {
    const { desk } = rig
    const created = await desk.settle(
      desk.client.call('pilots.create', {
        id: 'eth-reversion',
        name: 'ETH mean reversion',
        pipeline: 'solo',
        model: { providerId: 'rules', model: 'mean_reversion' },
        roleModels: {},
        strategy: 'mean_reversion',
        fallbackToRules: false,
        venue: 'sim',
        symbols: ['ETH/USDT:USDT'],
        cadenceMs: 300_000,
        budget: { tokensPerDay: 0, usdPerDay: 0 },
        startingBalance: 2_500,
      }),
    )
    expect(created).toMatchObject({ state: 'paused', config: { id: 'eth-reversion', accountId: 'pilot-eth-reversion', enabled: false } })
    const account = (await desk.client.call('accounts.list')).find((a) => a.id === 'pilot-eth-reversion')
    expect(account).toMatchObject({ mode: 'paper', venue: 'sim', pilotId: 'eth-reversion' })
    const report = await desk.settle(desk.client.call('pilots.runNow', { pilotId: 'eth-reversion' }))
    expect(['traded', 'held']).toContain(report.outcome)
    expect((await desk.client.call('arena.leaderboard')).find((r) => r.pilotId === 'eth-reversion')).toMatchObject({ startingEquity: 2_500 })

    expect(await desk.client.call('pilots.remove', { pilotId: 'eth-reversion' })).toEqual({ removed: true })
    expect((await desk.client.call('pilots.list')).map((p) => p.config.id)).not.toContain('eth-reversion')
    expect(await desk.client.call('feed.search', { pilotId: 'eth-reversion', limit: 10 })).toHaveLength(1)
    expect((await desk.client.call('accounts.list')).some((a) => a.id === 'pilot-eth-reversion')).toBe(true)
  })

  it.each([
    ['an existing id', { id: 'rules' }, /exists already/],
    ['a symbol the venue does not list', { symbols: ['DOGE/USDT:USDT'] }, /does not list DOGE/],
    ['an unknown venue', { venue: 'nowhere' }, /Unknown venue/],
    ['a model the provider does not have', { model: { providerId: 'deepseek', model: 'gpt-9' } }, /has no model "gpt-9"/],
  ])('refuses %s, and opens no account', async (_name, change, message) => {
    const { desk } = rig
    const before = (await desk.client.call('accounts.list')).length
    const envelope = await desk.settle(
      desk.client.callEnvelope('pilots.create', {
        id: 'newcomer',
        name: 'Newcomer',
        pipeline: 'solo',
        model: { providerId: 'rules', model: 'trend_following' },
        roleModels: {},
        strategy: 'trend_following',
        fallbackToRules: true,
        venue: 'sim',
        symbols: ['BTC/USDT:USDT'],
        cadenceMs: 180_000,
        budget: { tokensPerDay: 0, usdPerDay: 0 },
        ...change,
      }),
    )
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } })
    expect(await desk.client.call('accounts.list')).toHaveLength(before)
  })
})
