import type Database from 'better-sqlite3'
import { z } from 'zod'
import { PilotIdSchema } from '../../../shared/domain/agents/pilot'
import type { UsageRepository } from '../../ports/agent-store'
import { validInput } from './sqlite-agent-rows'

const UsageSchema = z.strictObject({
  pilotId: PilotIdSchema,
  day: z.iso.date(),
  tokens: z.number().int().nonnegative(),
  usd: z.number().nonnegative().finite(),
})

/** Model tokens and money spent per pilot and UTC day (migration 4); adds accumulate. */
export function createSqliteUsageRepository(db: Database.Database): UsageRepository {
  const add = db.prepare(
    `INSERT INTO model_usage (pilot_id, day, tokens, usd) VALUES (?, ?, ?, ?)
     ON CONFLICT(pilot_id, day) DO UPDATE SET tokens = tokens + excluded.tokens, usd = usd + excluded.usd`,
  )
  const one = db.prepare<[string, string], { tokens: number; usd: number }>('SELECT tokens, usd FROM model_usage WHERE pilot_id = ? AND day = ?')
  const totals = db.prepare<[], { pilot_id: string; tokens: number; usd: number }>('SELECT pilot_id, sum(tokens) AS tokens, sum(usd) AS usd FROM model_usage GROUP BY pilot_id')
  return {
    add(pilotId, day, tokens, usd) {
      const valid = validInput(UsageSchema, { pilotId, day, tokens, usd }, 'model usage')
      add.run(valid.pilotId, valid.day, valid.tokens, valid.usd)
    },
    get(pilotId, day) {
      const row = one.get(pilotId, day)
      return row ? { tokens: row.tokens, usd: row.usd } : { tokens: 0, usd: 0 }
    },
    totals: () => Object.fromEntries(totals.all().map((row) => [row.pilot_id, { tokens: row.tokens, usd: row.usd }])),
  }
}
