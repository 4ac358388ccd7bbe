import type Database from 'better-sqlite3'
import type { AuditEntry, AuditEntryInput, AuditLog } from '../../ports/store'
import { GENESIS_HASH, hashAuditRow } from './audit-chain'

interface AuditRow {
  seq: number
  at: number
  kind: string
  actor: string
  subject: string | null
  payload: string
  prev_hash: string
  hash: string
}

export function createSqliteAuditLog(db: Database.Database): AuditLog {
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, kind, actor, subject, payload, prev_hash, hash) VALUES (@seq, @at, @kind, @actor, @subject, @payload, @prev_hash, @hash)',
  )
  const moveHead = db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash')
  const tail = db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?')

  // Row and head move together, so a crash can never leave them disagreeing.
  const append = db.transaction((entry: AuditEntryInput, at: number): AuditEntry => {
    const last = head.get()
    const seq = (last?.seq ?? 0) + 1
    const prevHash = last?.hash ?? GENESIS_HASH
    const payload = JSON.stringify(entry.payload ?? null)
    const subject = entry.subject ?? null
    const hash = hashAuditRow({ seq, at, kind: entry.kind, actor: entry.actor, subject, payload, prevHash })
    insert.run({ seq, at, kind: entry.kind, actor: entry.actor, subject, payload, prev_hash: prevHash, hash })
    moveHead.run({ seq, hash })
    return { ...entry, seq, at, prevHash, hash }
  })

  return {
    append: (entry, at) => append(entry, at),
    tail: (limit) =>
      tail.all(limit).map((row) => ({
        seq: row.seq,
        at: row.at,
        kind: row.kind,
        actor: row.actor,
        ...(row.subject === null ? {} : { subject: row.subject }),
        payload: JSON.parse(row.payload) as unknown,
        prevHash: row.prev_hash,
        hash: row.hash,
      })),
  }
}
