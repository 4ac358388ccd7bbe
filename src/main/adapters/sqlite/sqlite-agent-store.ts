import type Database from 'better-sqlite3'
import type { AgentStore } from '../../ports/agent-store'
import { createSqliteDecisionRepository } from './sqlite-agent-decisions'
import { createSqliteNewsRepository } from './sqlite-agent-news'
import { createSqlitePilotRepository } from './sqlite-agent-pilots'
import { createSqlitePromptRepository } from './sqlite-agent-prompts'
import { createSqliteProviderRepository } from './sqlite-agent-providers'
import type { OnCorruptAgentRow } from './sqlite-agent-rows'
import { createSqliteSnapshotRepository } from './sqlite-agent-snapshots'
import { createSqliteUsageRepository } from './sqlite-agent-usage'

export type { CorruptAgentRow, OnCorruptAgentRow } from './sqlite-agent-rows'

export interface SqliteAgentStoreOptions {
  /** Told about each stored row that no longer validates; the row is left out of what is read. */
  onCorrupt?: OnCorruptAgentRow
  /** When a pilot row was last written; the wall clock unless a test fixes it. */
  now?: () => number
}

/** The agent desk's repositories over the profile database (migration 4 must have run). */
export function createSqliteAgentStore(db: Database.Database, options: SqliteAgentStoreOptions = {}): AgentStore {
  const onCorrupt = options.onCorrupt ?? (() => {})
  return {
    decisions: createSqliteDecisionRepository(db, onCorrupt),
    snapshots: createSqliteSnapshotRepository(db, onCorrupt),
    prompts: createSqlitePromptRepository(db, onCorrupt),
    pilots: createSqlitePilotRepository(db, onCorrupt, options.now ?? Date.now),
    providers: createSqliteProviderRepository(db, onCorrupt),
    usage: createSqliteUsageRepository(db),
    news: createSqliteNewsRepository(db, onCorrupt),
  }
}
