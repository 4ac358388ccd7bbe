import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteAgentStore, type CorruptAgentRow } from '../../../src/main/adapters/sqlite/sqlite-agent-store'
import type { DecisionRepository } from '../../../src/main/ports/agent-store'
import { DecisionSummarySchema, type DecisionRecord } from '../../../src/shared/domain/agents/decision'
import { makeTempDir } from '../../support/temp-dir'
import { decisionRecord, intentLink } from './agent-store-fixtures'

const summaryOf = (record: DecisionRecord) => DecisionSummarySchema.parse(Object.fromEntries(Object.keys(DecisionSummarySchema.shape).map((key) => [key, record[key as keyof DecisionRecord]])))

describe('decision repository (migration 4)', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: Database.Database
  let decisions: DecisionRepository
  let corrupt: CorruptAgentRow[]

  beforeEach(() => {
    dir = makeTempDir()
    db = openDatabase(join(dir.path, 'profile.sqlite'))
    corrupt = []
    decisions = createSqliteAgentStore(db, { onCorrupt: (row) => corrupt.push(row) }).decisions
  })
  afterEach(() => {
    db.close()
    dir.remove()
  })

  it('returns a stored record exactly as it was given, and its summary in searches', () => {
    const record = decisionRecord({
      intents: [intentLink()],
      reasoning: 'thinking about it',
      account: {
        accountId: 'paper-deepseek',
        currency: 'USDT',
        equity: 10_000,
        available: 9_000,
        positions: [{ symbol: 'BTC/USDT:USDT', side: 'long', contracts: 2, entryPrice: 59_000, unrealizedPnl: 20, leverage: 3 }],
        limits: { maxOrderNotional: 1_000, maxPositionNotional: 5_000, maxLeverage: 5, slippageTolerancePct: 0.5, priceBandPct: 2, defaultTtlSeconds: 60 },
      },
      parsedOutput: { nested: { deep: ['a', 1, null] } },
      validationErrors: ['orders.0.size: expected a positive number'],
    })
    decisions.insert(record)
    expect(decisions.get(record.id)).toEqual(record)
    expect(decisions.get('decision-missing')).toBeNull()
    const [summary] = decisions.search({ limit: 10 })
    expect(summary).toEqual(summaryOf(record))
    // The summary leaves the heavy fields out.
    expect(summary).not.toHaveProperty('messages')
    expect(summary).not.toHaveProperty('rawOutput')
    expect(summary).not.toHaveProperty('account')
    expect(corrupt).toEqual([])
  })

  it('refuses to record the same decision twice and keeps the first', () => {
    const first = decisionRecord({ conclusion: 'first' })
    decisions.insert(first)
    expect(() => decisions.insert({ ...first, conclusion: 'second' })).toThrow(/decision decision-0001 is already recorded/)
    expect(decisions.get(first.id)?.conclusion).toBe('first')
    expect(decisions.search({ limit: 10, text: 'second' })).toEqual([])
  })

  it('refuses an invalid record with the field at fault and stores nothing of it', () => {
    const bad = { ...decisionRecord({ id: 'decision-bad1' }), outcome: 'exploded' } as unknown as DecisionRecord
    expect(() => decisions.insert(bad)).toThrow(/invalid decision record decision-bad1: outcome/)
    expect(() => decisions.insert({ ...decisionRecord(), apiKey: 'sk-secret' } as unknown as DecisionRecord)).toThrow(/invalid decision record/)
    expect(decisions.search({ limit: 10 })).toEqual([])
    expect(db.prepare('SELECT count(*) FROM decisions_fts').pluck().get()).toBe(0)
  })

  it('changes only the intent links, and finds a decision by the intents it now has', () => {
    const record = decisionRecord({ intents: [intentLink({ intentId: 'intent-old1' })] })
    decisions.insert(record)
    expect(decisions.byIntent('intent-old1')?.id).toBe(record.id)

    const moved = [intentLink({ intentId: 'intent-new1', orderStatus: 'filled', filled: 0.5 }), intentLink({ intentId: 'intent-new2', status: 'rejected', reasons: ['leverage_above_cap'] })]
    decisions.updateIntents(record.id, moved)

    expect(decisions.get(record.id)).toEqual({ ...record, intents: moved })
    expect(decisions.byIntent('intent-old1')).toBeNull()
    expect(decisions.byIntent('intent-new2')).toEqual({ ...summaryOf(record), intents: moved })
    // The text index still finds it: only the intents changed.
    expect(decisions.search({ limit: 10, text: 'pullback' }).map((d) => d.id)).toEqual([record.id])
  })

  it('refuses intent links for an unknown decision, and invalid links, changing nothing', () => {
    decisions.insert(decisionRecord({ intents: [intentLink()] }))
    expect(() => decisions.updateIntents('decision-nobody', [])).toThrow(/unknown decision decision-nobody/)
    expect(() => decisions.updateIntents('decision-0001', [{ ...intentLink(), status: 'teleported' } as never])).toThrow(/invalid intent links of decision decision-0001: 0\.status/)
    expect(decisions.get('decision-0001')?.intents).toEqual([intentLink()])
  })

  it('names the decision that produced an intent, not a later one that cites it', () => {
    const link = intentLink({ intentId: 'intent-shared' })
    decisions.insert(decisionRecord({ id: 'decision-risk1', role: 'risk_officer', startedAt: 2_000, intents: [link] }))
    decisions.insert(decisionRecord({ id: 'decision-trad1', role: 'trader', startedAt: 1_000, intents: [link] }))
    expect(decisions.byIntent('intent-shared')?.id).toBe('decision-trad1')
    expect(decisions.byIntent('intent-unknown')).toBeNull()
  })

  it('counts decisions per pilot', () => {
    decisions.insert(decisionRecord({ id: 'decision-a001', pilotId: 'alpha' }))
    decisions.insert(decisionRecord({ id: 'decision-a002', pilotId: 'alpha' }))
    decisions.insert(decisionRecord({ id: 'decision-b001', pilotId: 'beta' }))
    expect(decisions.countByPilot()).toEqual({ alpha: 2, beta: 1 })
  })

  it('skips and reports a corrupt row instead of failing the whole read', () => {
    decisions.insert(decisionRecord({ id: 'decision-good', startedAt: 1 }))
    const raw = db.prepare(
      `INSERT INTO decisions (id, cycle_id, pilot_id, role, provider_id, model, prompt_version, started_at, outcome, symbols, conclusion, record, intents)
       VALUES (?, 'c', 'deepseek-pilot', 'trader', 'deepseek', 'm', 1, ?, 'parsed', '[]', 'x', ?, ?)`,
    )
    raw.run('decision-notjson', 2, '{this is not json', '[]')
    raw.run('decision-badshape', 3, JSON.stringify({ ...decisionRecord({ id: 'decision-badshape' }), outcome: 'exploded', intents: undefined }), '[]')
    raw.run('decision-badlinks', 4, JSON.stringify({ ...decisionRecord({ id: 'decision-badlinks' }), intents: undefined }), '[{"intentId":1}]')

    expect(decisions.search({ limit: 10 }).map((d) => d.id)).toEqual(['decision-good'])
    expect(corrupt.map((row) => row.key).sort()).toEqual(['decision-badlinks', 'decision-badshape', 'decision-notjson'])
    expect(corrupt.every((row) => row.table === 'decisions' && row.problem.length > 0)).toBe(true)
    expect(corrupt.find((row) => row.key === 'decision-badshape')?.problem).toMatch(/outcome/)

    corrupt.length = 0
    expect(decisions.get('decision-notjson')).toBeNull()
    expect(decisions.get('decision-good')?.id).toBe('decision-good')
    expect(corrupt.map((row) => row.key)).toEqual(['decision-notjson'])
  })

  it('keeps a decision as evidence: the database refuses to rewrite or delete it', () => {
    decisions.insert(decisionRecord())
    expect(() => db.prepare("UPDATE decisions SET conclusion = 'rewritten' WHERE id = 'decision-0001'").run()).toThrow(/only the intent links/)
    expect(() => db.prepare("DELETE FROM decisions WHERE id = 'decision-0001'").run()).toThrow(/never deleted/)
  })
})
