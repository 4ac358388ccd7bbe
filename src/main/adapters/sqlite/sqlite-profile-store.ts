import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ProfileStore } from '../../ports/store'
import { openDatabase } from './open-database'
import { createSqliteAgentStore, type OnCorruptAgentRow } from './sqlite-agent-store'
import { createSqliteAccountRepository } from './sqlite-account-repository'
import { createSqliteAuditLog } from './sqlite-audit-log'
import { openSqliteOrderJournal } from './sqlite-order-journal'
import { createSqliteRiskState, createSqliteVerdicts } from './sqlite-risk-state'
import { createSqliteSettingsRepository } from './sqlite-settings-repository'

export const PROFILE_DB_FILE = 'workstation.sqlite'

export function profileDatabasePath(dataDir: string): string {
  return join(dataDir, PROFILE_DB_FILE)
}

/**
 * The profile's SQLite database behind the kernel's store ports. A stored
 * agent-desk row that no longer validates is left out of reads and reported
 * through onCorruptAgentRow.
 */
export function openSqliteProfileStore(
  dataDir: string,
  onInvalidSetting: (key: string, value: string) => void,
  onCorruptAgentRow: OnCorruptAgentRow = () => {},
): ProfileStore {
  mkdirSync(dataDir, { recursive: true })
  const file = profileDatabasePath(dataDir)
  const db = openDatabase(file)
  let journal: ReturnType<typeof openSqliteOrderJournal>
  try {
    // Opened after the migrations ran on the first connection, on its own synchronous=FULL connection.
    journal = openSqliteOrderJournal(file)
  } catch (error) {
    db.close()
    throw error
  }
  let open = true
  return {
    settings: createSqliteSettingsRepository(db, onInvalidSetting),
    audit: createSqliteAuditLog(db),
    accounts: createSqliteAccountRepository(db),
    risk: createSqliteRiskState(db),
    verdicts: createSqliteVerdicts(db),
    journal,
    agents: createSqliteAgentStore(db, { onCorrupt: onCorruptAgentRow }),
    flush() {
      if (open) db.pragma('wal_checkpoint(TRUNCATE)')
    },
    close() {
      if (!open) return
      open = false
      journal.close()
      db.close()
    },
  }
}
