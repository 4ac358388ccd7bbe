import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ProfileStore } from '../../ports/store'
import { openDatabase } from './open-database'
import { createSqliteAuditLog } from './sqlite-audit-log'
import { createSqliteSettingsRepository } from './sqlite-settings-repository'

export const PROFILE_DB_FILE = 'workstation.sqlite'

export function profileDatabasePath(dataDir: string): string {
  return join(dataDir, PROFILE_DB_FILE)
}

/** The profile's SQLite database behind the kernel's store ports. */
export function openSqliteProfileStore(dataDir: string, onInvalidSetting: (key: string, value: string) => void): ProfileStore {
  mkdirSync(dataDir, { recursive: true })
  const db = openDatabase(profileDatabasePath(dataDir))
  let open = true
  return {
    settings: createSqliteSettingsRepository(db, onInvalidSetting),
    audit: createSqliteAuditLog(db),
    flush() {
      if (open) db.pragma('wal_checkpoint(TRUNCATE)')
    },
    close() {
      if (!open) return
      open = false
      db.close()
    },
  }
}
