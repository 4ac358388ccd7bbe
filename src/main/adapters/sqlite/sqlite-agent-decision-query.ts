import { DecisionRecordSchema, DecisionSummarySchema, type DecisionFilter } from '../../../shared/domain/agents/decision'

/**
 * Turns what a trader typed into an FTS5 query that can only mean "all these
 * words". Each whitespace-separated chunk becomes an FTS5 string (quotes
 * doubled), so `"`, `*`, `-`, `^`, `:`, parentheses and the words NEAR, AND,
 * OR and NOT are matched as text, never read as operators. Chunks without a
 * letter or digit carry no token and are dropped; null means no text filter.
 * Control characters separate words: FTS5 reads a NUL as the end of the query.
 */
export function ftsQueryOf(text: string | undefined): string | null {
  if (text === undefined) return null
  const terms = text
    .split(/[\s\p{Cc}]+/u)
    .filter((chunk) => /[\p{L}\p{N}]/u.test(chunk))
    .map((chunk) => `"${chunk.replaceAll('"', '""')}"`)
  return terms.length > 0 ? terms.join(' ') : null
}

// The record fields a summary does not carry, removed inside SQLite so a
// list of decisions never parses their prompts and raw output in JS.
const HEAVY_FIELDS = Object.keys(DecisionRecordSchema.shape).filter((key) => !Object.hasOwn(DecisionSummarySchema.shape, key))
for (const key of HEAVY_FIELDS) {
  if (!/^[A-Za-z]+$/.test(key)) throw new Error(`decision record field ${key} cannot be written into a JSON path`)
}
const HEAVY_PATHS = HEAVY_FIELDS.map((key) => `'$.${key}'`).join(', ')

/**
 * What a summary query selects: the record without its heavy fields (left
 * as stored when it is not JSON, so the caller reports that row instead of
 * the whole query failing) and the current intent links.
 */
export const SUMMARY_COLUMNS = `d.id AS id, CASE WHEN json_valid(d.record) THEN json_remove(d.record, ${HEAVY_PATHS}) ELSE d.record END AS summary, d.intents AS intents`

export interface DecisionSearch {
  /** Which clauses the query has: queries of one shape share one prepared statement. */
  shape: string
  sql: string
  params: (string | number)[]
}

/** The search of the decision feed: every filter optional and combinable, newest first. */
export function decisionSearchOf(filter: DecisionFilter): DecisionSearch {
  const clauses: string[] = []
  const params: (string | number)[] = []
  const shape: string[] = []
  const add = (name: string, clause: string, value: string | number | undefined | null): void => {
    if (value === undefined || value === null) return
    shape.push(name)
    clauses.push(clause)
    params.push(value)
  }
  add('pilot', 'd.pilot_id = ?', filter.pilotId)
  add('role', 'd.role = ?', filter.role)
  add('outcome', 'd.outcome = ?', filter.outcome)
  add('from', 'd.started_at >= ?', filter.from)
  add('to', 'd.started_at <= ?', filter.to)
  if (filter.before !== undefined && filter.beforeId !== undefined) {
    // A cursor (time, id): same newest-first order as the listing, ties broken by insertion order.
    shape.push('cursor')
    clauses.push('(d.started_at < ? OR (d.started_at = ? AND d.seq < COALESCE((SELECT seq FROM decisions WHERE id = ?), 0)))')
    params.push(filter.before, filter.before, filter.beforeId)
  } else add('before', 'd.started_at < ?', filter.before)
  add('symbol', 'd.id IN (SELECT decision_id FROM decision_symbols WHERE symbol = ?)', filter.symbol)
  add('text', 'd.seq IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)', ftsQueryOf(filter.text))
  params.push(filter.limit)
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
  return {
    shape: shape.join(','),
    sql: `SELECT ${SUMMARY_COLUMNS} FROM decisions d ${where} ORDER BY d.started_at DESC, d.seq DESC LIMIT ?`,
    params,
  }
}
