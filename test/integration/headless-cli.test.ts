import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../src/main/adapters/sqlite/migrations'
import { profileDatabasePath } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { runTs, startServerProcess } from '../support/run-cli'
import { makeTempDir } from '../support/temp-dir'

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('headless CLI lifecycle and audit:verify', () => {
  let dir: ReturnType<typeof makeTempDir>
  let rendererDir: string
  let dataDir: string

  beforeEach(() => {
    dir = makeTempDir()
    rendererDir = join(dir.path, 'renderer')
    dataDir = join(dir.path, 'data')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  })
  afterEach(() => dir.remove())

  it('shuts down on SIGTERM flushing storage, and audit:verify passes, then catches an edited row', async () => {
    const server = await startServerProcess(['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir])
    expect(await server.stop('SIGTERM')).toBe(0)

    const intact = runTs('src/main/headless/audit-verify-cli.ts', ['--data-dir', dataDir])
    expect(intact.status).toBe(0)
    const db = new Database(profileDatabasePath(dataDir))
    const kinds = db.prepare('SELECT kind FROM audit_log ORDER BY seq').pluck().all()
    expect(intact.stdout).toMatch(new RegExp(`audit chain intact: ${kinds.length} rows`))
    // A fresh profile: its default paper account, the start, the start's reconciliation, the stop.
    expect(kinds[0]).toBe('accounts.created')
    expect(kinds).toEqual(expect.arrayContaining(['system.started', 'orders.reconciled']))
    expect(kinds.at(-1)).toBe('system.stopped')
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")
    db.close()

    const broken = runTs('src/main/headless/audit-verify-cli.ts', ['--data-dir', dataDir])
    expect(broken.status).toBe(1)
    expect(broken.stdout).toMatch(/BROKEN at row 1: row 1 was altered/)
  })

  it('audit:verify exits 2 when there is no database', () => {
    const result = runTs('src/main/headless/audit-verify-cli.ts', ['--data-dir', join(dir.path, 'nowhere')])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/no profile database/)
  })

  it('refuses to start on a database from a newer version, with a clear message, leaving it unchanged', () => {
    mkdirSync(dataDir)
    const file = profileDatabasePath(dataDir)
    const db = new Database(file)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    const before = digest(file)
    const result = runTs('src/main/headless/cli.ts', ['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir])
    expect(result.status).toBe(2)
    expect(result.stdout).not.toMatch(/READY/)
    expect(result.stderr).toMatch(/newer than this app supports/)
    expect(digest(file)).toBe(before)
  })

  it('refuses to start on a corrupted database, leaving it unchanged', () => {
    mkdirSync(dataDir)
    const file = profileDatabasePath(dataDir)
    writeFileSync(file, Buffer.alloc(8192, 7))
    const before = digest(file)
    const result = runTs('src/main/headless/cli.ts', ['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/cannot be read as SQLite/)
    expect(digest(file)).toBe(before)
  })

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--bogus']], [['--venues', 'sim,mtgox']], [['--venue-endpoint', 'okx=ftp://127.0.0.1:1']]])('rejects bad arguments %j with exit 2', (args) => {
    const result = runTs('src/main/headless/cli.ts', [...args, '--data-dir', dataDir, '--renderer-dir', rendererDir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/workstation: /)
  })
})
