import { describe, expect, it } from 'vitest'
import { runPilotCycle } from '../../../src/main/core/agents/pilot-cycle'
import type { ModelClient } from '../../../src/main/ports/model-client'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import { benchCycleDeps, benchPilot, benchSnapshot, cannedModel, cycleInput, rulesAnswers } from '../../bench/support/agent-desk-fixtures'

/** Wraps a model to log when each role's call starts and ends. */
function timed(inner: ModelClient, log: Array<{ role: RoleId; event: 'start' | 'end'; at: number }>): ModelClient {
  return {
    async complete(request) {
      log.push({ role: request.context.role, event: 'start', at: performance.now() })
      try {
        return await inner.complete(request)
      } finally {
        log.push({ role: request.context.role, event: 'end', at: performance.now() })
      }
    },
  }
}

describe('the desk pipeline', () => {
  it('runs each role as soon as its own inputs are done, and hands outputs down the DAG', async () => {
    const pilot = benchPilot('desk')
    const snapshot = benchSnapshot()
    const answers = await rulesAnswers(pilot, snapshot)
    const slow: Partial<Record<RoleId, number>> = { technical_analyst: 80, news_collector: 5, macro_trader: 5 }
    const log: Array<{ role: RoleId; event: 'start' | 'end'; at: number }> = []
    const { deps, sinks } = benchCycleDeps(timed(cannedModel(answers, (role) => slow[role] ?? 1), log))
    const report = await runPilotCycle(deps, cycleInput(pilot, snapshot))

    expect(report.decisions).toBe(9)
    const at = (role: RoleId, event: 'start' | 'end') => log.find((e) => e.role === role && e.event === event)!.at
    // The four analysts start together; the macro trader does not wait for the slow technical analyst.
    for (const role of ['technical_analyst', 'order_flow_analyst', 'data_analyst'] as const) expect(at(role, 'start')).toBeLessThan(at('news_collector', 'end'))
    expect(at('macro_trader', 'start')).toBeLessThan(at('technical_analyst', 'end'))
    // The debate waits for every analyst; the trader for both sides; the risk officer for the trader.
    expect(at('bull_analyst', 'start')).toBeGreaterThanOrEqual(at('technical_analyst', 'end'))
    expect(at('trader', 'start')).toBeGreaterThanOrEqual(Math.max(at('bull_analyst', 'end'), at('bear_analyst', 'end')))
    expect(at('risk_officer', 'start')).toBeGreaterThanOrEqual(at('trader', 'end'))

    const trader = sinks.records.find((r) => r.role === 'trader')!
    expect(trader.messages[1]!.content).toContain('<reports>')
    expect(trader.messages[1]!.content).toContain('<debate>')
  })

  it('a stopped cycle starts no further role', async () => {
    const pilot = benchPilot('desk')
    const snapshot = benchSnapshot()
    const answers = await rulesAnswers(pilot, snapshot)
    const abort = new AbortController()
    const log: Array<{ role: RoleId; event: 'start' | 'end'; at: number }> = []
    const model = timed(cannedModel(answers, () => 5), log)
    const { deps } = benchCycleDeps({
      complete: (request) => {
        if (request.context.role === 'technical_analyst') abort.abort()
        return model.complete(request)
      },
    })
    const report = await runPilotCycle(deps, { ...cycleInput(pilot, snapshot), signal: abort.signal })
    expect(report.outcome).toBe('skipped')
    expect(log.some((e) => e.role === 'trader')).toBe(false)
  })
})

describe('a role that cannot run', () => {
  it('without a provider and without the rules fallback: recorded as skipped, with the messages it would have sent, and no call', async () => {
    const pilot = { ...benchPilot('solo'), model: { providerId: 'gone', model: 'gone-model' }, fallbackToRules: false }
    const snapshot = benchSnapshot()
    let calls = 0
    const { deps, sinks } = benchCycleDeps({
      complete: () => {
        calls++
        throw new Error('no model should be called')
      },
    })
    const report = await runPilotCycle(deps, cycleInput(pilot, snapshot))
    expect(calls).toBe(0)
    expect(report).toMatchObject({ outcome: 'no_action', decisions: 1, intents: 0 })
    const [record] = sinks.records
    expect(record).toMatchObject({ outcome: 'skipped', conclusion: 'skipped: provider gone is not configured', error: 'provider gone is not configured', fallbackFrom: null, costUsd: 0 })
    expect(record!.messages.map((m) => m.role)).toEqual(['system', 'user'])
    expect(record!.account?.accountId).toBe(pilot.accountId)
  })

  it('with the fallback allowed: the rules answer, and the record says from which model', async () => {
    const pilot = { ...benchPilot('solo'), model: { providerId: 'gone', model: 'gone-model' }, fallbackToRules: true }
    const snapshot = benchSnapshot()
    const answers = await rulesAnswers(pilot, snapshot)
    const { deps, sinks } = benchCycleDeps(cannedModel(answers))
    await runPilotCycle(deps, cycleInput(pilot, snapshot))
    expect(sinks.records[0]).toMatchObject({ outcome: 'parsed', model: { providerId: 'rules', model: 'trend_following' }, fallbackFrom: { providerId: 'gone', model: 'gone-model' } })
  })
})
