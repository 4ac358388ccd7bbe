import { createHash } from 'node:crypto'

/** Hash of the empty chain: the `prev_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  seq: number
  at: number
  kind: string
  actor: string
  subject: string | null
  payload: string
  prevHash: string
}

/**
 * The hash of one audit row covers every column and the previous hash, so
 * editing any field, or removing or reordering a row, breaks the chain.
 */
export function hashAuditRow(row: ChainedFields): string {
  const canonical = JSON.stringify([row.seq, row.at, row.kind, row.actor, row.subject, row.payload, row.prevHash])
  return createHash('sha256').update(canonical).digest('hex')
}
