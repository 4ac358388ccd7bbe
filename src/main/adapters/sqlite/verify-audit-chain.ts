import type Database from 'better-sqlite3'
import { GENESIS_HASH, hashAuditRow } from './audit-chain'

export type ChainVerdict =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; firstBadSeq: number; reason: string }

interface Row {
  seq: number
  at: number
  kind: string
  actor: string
  subject: string | null
  payload: string
  prev_hash: string
  hash: string
}

/**
 * Recomputes the whole chain. Reports the first row whose content, link or
 * position is wrong; a removed row shows as a gap, a removed tail as a head
 * that points past the last row.
 */
export function verifyAuditChain(db: Database.Database): ChainVerdict {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let rows = 0
  for (const row of db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    rows++
    if (row.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, reason: `row ${expectedSeq} is missing (next row is ${row.seq})` }
    if (row.prev_hash !== prevHash) return { ok: false, rows, firstBadSeq: row.seq, reason: `row ${row.seq} does not link to the row before it` }
    const recomputed = hashAuditRow({ seq: row.seq, at: row.at, kind: row.kind, actor: row.actor, subject: row.subject, payload: row.payload, prevHash: row.prev_hash })
    if (recomputed !== row.hash) return { ok: false, rows, firstBadSeq: row.seq, reason: `row ${row.seq} was altered (its content no longer matches its hash)` }
    prevHash = row.hash
    expectedSeq++
  }
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get()
  const lastSeq = expectedSeq - 1
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    return { ok: false, rows, firstBadSeq: lastSeq + 1, reason: `the chain ends at row ${lastSeq} but its head records row ${head.seq}: rows were removed from the end` }
  }
  if (!head && rows > 0) return { ok: false, rows, firstBadSeq: 1, reason: 'the chain head is missing' }
  return { ok: true, rows, headHash: prevHash }
}
