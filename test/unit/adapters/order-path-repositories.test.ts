import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteAccountRepository } from '../../../src/main/adapters/sqlite/sqlite-account-repository'
import { createSqliteRiskState, createSqliteVerdicts } from '../../../src/main/adapters/sqlite/sqlite-risk-state'
import type { StoredAccount } from '../../../src/main/ports/account-repository'
import { DEFAULT_RISK_CONFIG, type RiskVerdict } from '../../../src/shared/domain/risk'

const paper: StoredAccount = { id: 'paper-sim', name: 'Paper', venue: 'sim', mode: 'paper', pilotId: null, liveEnabled: false, createdAt: 5, startingBalance: 10_000, currency: 'USDT', key: null }

describe('order path repositories (migration 3)', () => {
  it('stores accounts with key metadata only, and refuses live trading on a paper account', () => {
    const db = openDatabase(':memory:')
    const accounts = createSqliteAccountRepository(db)
    accounts.insert(paper)
    accounts.insert({ ...paper, id: 'okx-live', venue: 'okx', mode: 'live', startingBalance: 0, createdAt: 6 })
    expect(() => accounts.insert(paper)).toThrow()
    const keyed = accounts.update('okx-live', { liveEnabled: true, key: { hint: 'AB12', demo: true, verifiedAt: 7, warnings: ['demo key'] } })
    expect(keyed).toMatchObject({ liveEnabled: true, key: { hint: 'AB12', demo: true, verifiedAt: 7, warnings: ['demo key'] } })
    expect(accounts.list().map((a) => a.id)).toEqual(['paper-sim', 'okx-live'])
    expect(accounts.get('okx-live')).toEqual(keyed)
    expect(() => accounts.update('paper-sim', { liveEnabled: true })).toThrow(/CHECK/)
    expect(() => accounts.update('nobody', { name: 'x' })).toThrow(/unknown account/)
    expect(accounts.update('okx-live', { key: null }).key).toBeNull()
    db.close()
  })

  it('keeps every risk config version, the newest in force, and each breaker once', () => {
    const db = openDatabase(':memory:')
    const risk = createSqliteRiskState(db)
    expect(risk.latestConfig()).toBeNull()
    risk.saveConfig(DEFAULT_RISK_CONFIG, 1)
    risk.saveConfig({ ...DEFAULT_RISK_CONFIG, version: 2, maxLeverage: 5 }, 2)
    expect(() => risk.saveConfig(DEFAULT_RISK_CONFIG, 3)).toThrow()
    expect(risk.latestConfig()).toEqual({ config: { ...DEFAULT_RISK_CONFIG, version: 2, maxLeverage: 5 }, savedAt: 2 })
    risk.saveBreaker({ scope: 'desk', scopeId: 'desk', state: '{"a":1}', updatedAt: 1 })
    risk.saveBreaker({ scope: 'desk', scopeId: 'desk', state: '{"a":2}', updatedAt: 2 })
    expect(risk.breakers()).toEqual([{ scope: 'desk', scopeId: 'desk', state: '{"a":2}', updatedAt: 2 }])
    db.close()
  })

  it('keeps the verdict an intent was sent under', () => {
    const db = openDatabase(':memory:')
    const verdicts = createSqliteVerdicts(db)
    const verdict: RiskVerdict = { intentId: 'i-00000001', decision: 'accept', reasons: [], estimate: { notional: 1, referencePrice: 2, averagePrice: 2, slippagePct: 0, fillProbability: 1 }, needsApproval: false, configVersion: 1, evaluatedAt: 3 }
    verdicts.save('i-00000001', 'acc', verdict, 3)
    expect(verdicts.get('i-00000001')).toEqual(verdict)
    expect(verdicts.get('nothing')).toBeNull()
    db.close()
  })
})
