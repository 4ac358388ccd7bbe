import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, openDatabase, DatabaseOpenError } from '../../../src/main/adapters/sqlite/open-database'
import { makeTempDir } from '../../support/temp-dir'

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('opening the profile database', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('creates the file in WAL mode with every migration applied, once', () => {
    const file = join(dir.path, 'p.sqlite')
    const db = openDatabase(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['audit_head', 'audit_log', 'fills', 'orders', 'settings']))
    db.close()
    // Reopening applies nothing twice (a second CREATE TABLE would throw).
    openDatabase(file).close()
  })

  it('applies migrations in order and stops at a failing one, leaving earlier ones applied', () => {
    const file = join(dir.path, 'm.sqlite')
    const list = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
    ]
    expect(() => openDatabase(file, list)).toThrow(/Migration 2 \(two\) failed/)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name='b'").pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a database from a newer app version with a clear message and leaves it byte-for-byte unchanged', () => {
    const file = join(dir.path, 'newer.sqlite')
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    raw.close()
    const before = digest(file)
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).reason).toBe('newer_schema')
    expect((error as Error).message).toMatch(new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 5}, newer than this app supports \\(${LATEST_SCHEMA_VERSION}\\)`))
    expect(digest(file)).toBe(before)
  })

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const file = join(dir.path, 'garbage.sqlite')
    writeFileSync(file, 'this is not a database, just text that got saved here'.repeat(100))
    const before = digest(file)
    expect(() => openDatabase(file)).toThrow(/cannot be read as SQLite.*left unchanged/)
    expect(digest(file)).toBe(before)
  })

  it('refuses a SQLite file whose pages were damaged', () => {
    const file = join(dir.path, 'damaged.sqlite')
    const db = openDatabase(file)
    db.exec('CREATE TABLE filler (x TEXT); ')
    const insert = db.prepare('INSERT INTO filler VALUES (?)')
    for (let i = 0; i < 400; i++) insert.run('x'.repeat(200))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const bytes = readFileSync(file)
    // Overwrite the middle of the file, past the header, with noise.
    for (let i = 8192; i < 8192 + 4096; i++) bytes[i] = (i * 31) & 0xff
    writeFileSync(file, bytes)
    const before = digest(file)
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError)
    expect(digest(file)).toBe(before)
  })
})
