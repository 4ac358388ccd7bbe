import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { MARKET_MIGRATIONS, type MarketMigration } from './market-migrations'

export class MarketStoreOpenError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'newer_schema' | 'migration_failed',
    message: string,
  ) {
    super(message)
    this.name = 'MarketStoreOpenError'
  }
}

/**
 * Opens the market data file: refuses (without touching it) one that is
 * corrupt or was written by a newer app, then enables WAL and applies
 * pending migrations, one transaction each. `synchronous = NORMAL` is enough
 * here: losing the last cached candles in a power cut only means
 * downloading them again.
 */
export function openMarketDatabase(file: string, migrations: readonly MarketMigration[] = MARKET_MIGRATIONS): Database.Database {
  const latest = migrations.at(-1)?.version ?? 0
  if (existsSync(file)) inspectReadOnly(file, latest)
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

// A read-only first look, so a file we refuse is left byte for byte as it was.
function inspectReadOnly(file: string, latest: number): void {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new MarketStoreOpenError('corrupt', `Market data file ${file} failed its integrity check (${String(check)}); it was left unchanged. Delete it to download the data again`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > latest) {
      throw new MarketStoreOpenError('newer_schema', `Market data file ${file} has schema version ${version}, newer than this app supports (${latest}); update the app. The file was left unchanged`)
    }
  } catch (error) {
    if (error instanceof MarketStoreOpenError) throw error
    throw new MarketStoreOpenError('corrupt', `Market data file ${file} cannot be read as SQLite (${(error as Error).message}); it was left unchanged`)
  } finally {
    db?.close()
  }
}

function migrate(db: Database.Database, migrations: readonly MarketMigration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of migrations) {
    if (migration.version <= current) continue
    try {
      db.transaction(() => {
        db.exec(migration.sql)
        db.pragma(`user_version = ${migration.version}`)
      })()
    } catch (error) {
      throw new MarketStoreOpenError('migration_failed', `Market data migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`)
    }
  }
}
