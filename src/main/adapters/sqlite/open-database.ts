import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations'

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'newer_schema' | 'migration_failed',
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

/**
 * Opens a profile database, refusing (without touching the file) one that is
 * corrupt or written by a newer version of the app, then enables WAL and
 * applies pending migrations in one transaction each.
 */
export function openDatabase(file: string, list: readonly Migration[] = migrations): Database.Database {
  if (existsSync(file)) inspectExisting(file, list.at(-1)?.version ?? 0)

  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    applyMigrations(db, list)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

// Read-only first look, so a file we must refuse is left exactly as it was.
function inspectExisting(file: string, latest: number): void {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DatabaseOpenError('corrupt', `Database ${file} failed its integrity check (${String(check)}); it was left unchanged`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > latest) {
      throw new DatabaseOpenError(
        'newer_schema',
        `Database ${file} has schema version ${version}, newer than this app supports (${latest}); update the app. The file was left unchanged`,
      )
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error
    throw new DatabaseOpenError('corrupt', `Database ${file} cannot be read as SQLite (${(error as Error).message}); it was left unchanged`)
  } finally {
    db?.close()
  }
}

function applyMigrations(db: Database.Database, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of list) {
    if (migration.version <= current) continue
    try {
      db.transaction(() => {
        db.exec(migration.sql)
        db.pragma(`user_version = ${migration.version}`)
      })()
    } catch (error) {
      throw new DatabaseOpenError('migration_failed', `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`)
    }
  }
}

export { LATEST_SCHEMA_VERSION }
