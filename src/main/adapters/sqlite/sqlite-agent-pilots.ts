import type Database from 'better-sqlite3'
import { PilotConfigSchema, type PilotConfig } from '../../../shared/domain/agents/pilot'
import type { PilotRepository } from '../../ports/agent-store'
import { readStored, validInput, type OnCorruptAgentRow } from './sqlite-agent-rows'

/** Pilot configurations (migration 4), oldest pilot first. */
export function createSqlitePilotRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow, now: () => number): PilotRepository {
  const all = db.prepare<[], { id: string; config: string }>('SELECT id, config FROM pilots')
  const one = db.prepare<[string], string>('SELECT config FROM pilots WHERE id = ?').pluck()
  const upsert = db.prepare(
    'INSERT INTO pilots (id, config, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at',
  )
  const remove = db.prepare<[string]>('DELETE FROM pilots WHERE id = ?')
  const read = (id: string, config: string): PilotConfig | null => readStored(PilotConfigSchema, config, { table: 'pilots', key: id }, onCorrupt)
  return {
    list: () =>
      all
        .all()
        .flatMap((row) => read(row.id, row.config) ?? [])
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    get(id) {
      const config = one.get(id)
      return config === undefined ? null : read(id, config)
    },
    upsert(pilot) {
      const valid = validInput(PilotConfigSchema, pilot, 'pilot configuration')
      upsert.run(valid.id, JSON.stringify(valid), now())
    },
    remove: (id) => remove.run(id).changes > 0,
  }
}
