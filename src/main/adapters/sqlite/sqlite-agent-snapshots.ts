import type Database from 'better-sqlite3'
import { MarketSnapshotSchema } from '../../../shared/domain/agents/snapshot'
import type { SnapshotRepository } from '../../ports/agent-store'
import { readStored, validInput, type OnCorruptAgentRow } from './sqlite-agent-rows'

/** Frozen market snapshots by content hash (migration 4): every pilot of a cycle shares one row. */
export function createSqliteSnapshotRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow): SnapshotRepository {
  const insert = db.prepare('INSERT OR IGNORE INTO snapshots (hash, taken_at, body) VALUES (?, ?, ?)')
  const one = db.prepare<[string], string>('SELECT body FROM snapshots WHERE hash = ?').pluck()
  return {
    put(snapshot) {
      const valid = validInput(MarketSnapshotSchema, snapshot, 'market snapshot')
      insert.run(valid.hash, valid.takenAt, JSON.stringify(valid))
    },
    get(hash) {
      const body = one.get(hash)
      return body === undefined ? null : readStored(MarketSnapshotSchema, body, { table: 'snapshots', key: hash }, onCorrupt)
    },
  }
}
