import type Database from 'better-sqlite3'
import { z } from 'zod'
import { RiskVerdictSchema } from '../../../shared/domain/risk'
import type { RiskStateRepository, StoredBreaker, VerdictRepository } from '../../ports/risk-state-repository'

const ScopeSchema = z.enum(['desk', 'account', 'pilot'])

/** Risk config versions and breakers in the profile database (migration 3). */
export function createSqliteRiskState(db: Database.Database): RiskStateRepository {
  const latest = db.prepare<[], { config: string; saved_at: number }>('SELECT config, saved_at FROM risk_config ORDER BY version DESC LIMIT 1')
  const insertConfig = db.prepare('INSERT INTO risk_config (version, config, saved_at) VALUES (?, ?, ?)')
  const allBreakers = db.prepare<[], { scope: string; scope_id: string; state: string; updated_at: number }>('SELECT * FROM breakers ORDER BY scope, scope_id')
  const upsertBreaker = db.prepare(
    `INSERT INTO breakers (scope, scope_id, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(scope, scope_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  )
  return {
    latestConfig() {
      const row = latest.get()
      if (!row) return null
      let config: unknown
      try {
        config = JSON.parse(row.config)
      } catch {
        // Handed on as is: the kernel's parse refuses it and says why.
        config = row.config
      }
      return { config, savedAt: row.saved_at }
    },
    saveConfig(config, at) {
      insertConfig.run(config.version, JSON.stringify(config), at)
    },
    breakers: () =>
      allBreakers.all().flatMap((row): StoredBreaker[] => {
        const scope = ScopeSchema.safeParse(row.scope)
        return scope.success ? [{ scope: scope.data, scopeId: row.scope_id, state: row.state, updatedAt: row.updated_at }] : []
      }),
    saveBreaker(breaker) {
      upsertBreaker.run(breaker.scope, breaker.scopeId, breaker.state, breaker.updatedAt)
    },
  }
}

/** Verdicts of sent intents (migration 3). */
export function createSqliteVerdicts(db: Database.Database): VerdictRepository {
  const insert = db.prepare('INSERT OR IGNORE INTO order_verdicts (intent_id, account_id, verdict, recorded_at) VALUES (?, ?, ?, ?)')
  const one = db.prepare<[string], string>('SELECT verdict FROM order_verdicts WHERE intent_id = ?').pluck()
  return {
    save(intentId, accountId, verdict, at) {
      insert.run(intentId, accountId, JSON.stringify(verdict), at)
    },
    get(intentId) {
      const text = one.get(intentId)
      if (text === undefined) return null
      const parsed = RiskVerdictSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    },
  }
}
