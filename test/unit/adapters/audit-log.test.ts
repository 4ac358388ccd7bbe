import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../../src/main/adapters/sqlite/sqlite-audit-log'
import { verifyAuditChain } from '../../../src/main/adapters/sqlite/verify-audit-chain'
import { makeTempDir } from '../../support/temp-dir'

describe('hash-chained audit log', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: Database.Database

  beforeEach(() => {
    dir = makeTempDir()
    db = openDatabase(join(dir.path, 'a.sqlite'))
    const log = createSqliteAuditLog(db)
    for (let i = 0; i < 5; i++) log.append({ kind: 'test.happened', actor: 'tester', subject: `s${i}`, payload: { i, note: 'x' } }, 1000 + i)
  })
  afterEach(() => {
    db.close()
    dir.remove()
  })

  // Tampering needs the append-only triggers out of the way, as an attacker with the file would do.
  const tamper = (sql: string): void => {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
    db.exec(sql)
  }

  it('links each row to the one before and verifies intact', () => {
    const rows = createSqliteAuditLog(db).tail(5).reverse()
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash)
    expect(rows[2]).toMatchObject({ kind: 'test.happened', actor: 'tester', subject: 's2', payload: { i: 2, note: 'x' }, at: 1002 })
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 5, headHash: rows[4]!.hash })
  })

  it('refuses updates and deletes while its triggers stand', () => {
    expect(() => db.exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")).toThrow(/append-only/)
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/)
  })

  it.each([
    ['payload', `UPDATE audit_log SET payload = '{"i":2,"note":"y"}' WHERE seq = 3`, 3, /altered/],
    ['time', 'UPDATE audit_log SET at = at + 1 WHERE seq = 2', 2, /altered/],
    ['actor', "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4", 4, /altered/],
    ['a middle row removed', 'DELETE FROM audit_log WHERE seq = 3', 3, /row 3 is missing/],
    ['the last rows removed', 'DELETE FROM audit_log WHERE seq >= 4', 4, /rows were removed from the end/],
  ])('names the first bad row when %s is changed', (_what, sql, seq, reason) => {
    tamper(sql)
    const verdict = verifyAuditChain(db)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) {
      expect(verdict.firstBadSeq).toBe(seq)
      expect(verdict.reason).toMatch(reason)
    }
  })

  it('catches a row whose hash was recomputed to hide an edit, at the next row', () => {
    // Editing row 2 and fixing its own hash still breaks the link from row 3.
    tamper("UPDATE audit_log SET actor = 'mallory', hash = 'f' || substr(hash, 2) WHERE seq = 2")
    const verdict = verifyAuditChain(db)
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 2 })
  })
})
