import type Database from 'better-sqlite3'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { z } from 'zod'
import {
  DecisionFilterSchema,
  DecisionIdSchema,
  DecisionRecordSchema,
  DecisionSummarySchema,
  IntentLinkSchema,
  type DecisionRecord,
  type DecisionSummary,
  type IntentLink,
} from '../../../shared/domain/agents/decision'
import type { DecisionRepository } from '../../ports/agent-store'
import { decisionSearchOf, SUMMARY_COLUMNS } from './sqlite-agent-decision-query'
import { searchableTextOf } from './sqlite-agent-decision-text'
import { readStored, validInput, validStored, type OnCorruptAgentRow } from './sqlite-agent-rows'

interface SummaryRow {
  id: string
  summary: string
  intents: string
}

interface RecordRow {
  id: string
  record: string
  intents: string
  messages_z: Buffer | null
}

const IntentLinksSchema = z.array(IntentLinkSchema)
const TABLE = 'decisions'

/**
 * Decision records (migration 4). The record is stored whole and never
 * rewritten; its intent links live in their own column because they move as
 * orders fill, and its messages deflated in another (migration 5). Every insert also feeds the full-text index, in the same
 * transaction, so search never misses a stored decision.
 */
export function createSqliteDecisionRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow): DecisionRepository {
  const exists = db.prepare<[string], number>('SELECT 1 FROM decisions WHERE id = ?').pluck()
  const insertRow = db.prepare(
    `INSERT INTO decisions (id, cycle_id, pilot_id, role, provider_id, model, prompt_version, started_at, outcome, symbols, conclusion, record, intents, messages_z)
     VALUES (@id, @cycle_id, @pilot_id, @role, @provider_id, @model, @prompt_version, @started_at, @outcome, @symbols, @conclusion, @record, @intents, @messages_z)`,
  )
  const insertSymbol = db.prepare('INSERT OR IGNORE INTO decision_symbols (symbol, decision_id) VALUES (?, ?)')
  const insertIntent = db.prepare('INSERT OR IGNORE INTO decision_intents (intent_id, decision_id) VALUES (?, ?)')
  const clearIntents = db.prepare('DELETE FROM decision_intents WHERE decision_id = ?')
  const setIntents = db.prepare('UPDATE decisions SET intents = ? WHERE id = ?')
  const insertText = db.prepare(
    `INSERT INTO decisions_fts (rowid, conclusion, input_summary, rationale, raw_output, validation_errors)
     VALUES (@rowid, @conclusion, @input_summary, @rationale, @raw_output, @validation_errors)`,
  )
  const one = db.prepare<[string], RecordRow>('SELECT id, record, intents, messages_z FROM decisions WHERE id = ?')
  // The decision that first cited the intent is the one that produced it; a later one only reviewed it.
  const producerOf = db.prepare<[string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM decision_intents i JOIN decisions d ON d.id = i.decision_id
     WHERE i.intent_id = ? ORDER BY d.started_at, d.seq LIMIT 1`,
  )
  const perPilot = db.prepare<[], { pilot_id: string; n: number }>('SELECT pilot_id, count(*) AS n FROM decisions GROUP BY pilot_id')
  const searches = new Map<string, Database.Statement<(string | number)[], SummaryRow>>()

  const linkIntents = (id: string, intents: readonly IntentLink[]): void => {
    for (const intent of intents) insertIntent.run(intent.intentId, id)
  }

  const insert = db.transaction((record: DecisionRecord) => {
    if (exists.get(record.id) !== undefined) throw new Error(`decision ${record.id} is already recorded; a decision is never rewritten`)
    // The messages go deflated into their own column; the record keeps an empty list in their place.
    const { intents, messages, ...rest } = record
    const { lastInsertRowid } = insertRow.run({
      id: record.id,
      cycle_id: record.cycleId,
      pilot_id: record.pilotId,
      role: record.role,
      provider_id: record.model.providerId,
      model: record.model.model,
      prompt_version: record.promptVersion,
      started_at: record.startedAt,
      outcome: record.outcome,
      symbols: JSON.stringify(record.symbols),
      conclusion: record.conclusion,
      record: JSON.stringify({ ...rest, messages: [] }),
      intents: JSON.stringify(intents),
      messages_z: deflateRawSync(JSON.stringify(messages)),
    })
    for (const symbol of record.symbols) insertSymbol.run(symbol, record.id)
    linkIntents(record.id, intents)
    insertText.run({ rowid: lastInsertRowid, ...searchableTextOf(record) })
  })

  const updateIntents = db.transaction((id: string, intents: readonly IntentLink[]) => {
    if (setIntents.run(JSON.stringify(intents), id).changes === 0) throw new RangeError(`unknown decision ${id}; no intent links were changed`)
    clearIntents.run(id)
    linkIntents(id, intents)
  })

  const summaryOf = (row: SummaryRow): DecisionSummary | null => {
    const where = { table: TABLE, key: row.id }
    const summary = readStored(z.record(z.string(), z.unknown()), row.summary, where, onCorrupt)
    const intents = summary && readStored(IntentLinksSchema, row.intents, where, onCorrupt)
    if (!summary || !intents) return null
    return validStored(DecisionSummarySchema, { ...summary, intents }, where, onCorrupt)
  }

  const statementFor = (shape: string, sql: string): Database.Statement<(string | number)[], SummaryRow> => {
    let statement = searches.get(shape)
    if (!statement) {
      statement = db.prepare<(string | number)[], SummaryRow>(sql)
      searches.set(shape, statement)
    }
    return statement
  }

  return {
    insert(record) {
      insert(validInput(DecisionRecordSchema, record, `decision record ${describeId(record)}`))
    },
    updateIntents(id, intents) {
      updateIntents(validInput(DecisionIdSchema, id, 'decision id'), validInput(IntentLinksSchema, intents, `intent links of decision ${id}`))
    },
    get(id) {
      const row = one.get(id)
      if (!row) return null
      const where = { table: TABLE, key: row.id }
      const record = readStored(z.record(z.string(), z.unknown()), row.record, where, onCorrupt)
      const intents = record && readStored(IntentLinksSchema, row.intents, where, onCorrupt)
      if (!record || !intents) return null
      // Records from before migration 5 carry their messages inline.
      const messages = row.messages_z === null ? record.messages : inflatedMessages(row.messages_z, where, onCorrupt)
      if (messages === undefined) return null
      return validStored(DecisionRecordSchema, { ...record, messages, intents }, where, onCorrupt)
    },
    search(filter) {
      const search = decisionSearchOf(validInput(DecisionFilterSchema, filter, 'decision filter'))
      return statementFor(search.shape, search.sql)
        .all(...search.params)
        .flatMap((row) => summaryOf(row) ?? [])
    },
    byIntent(intentId) {
      const row = producerOf.get(intentId)
      return row ? summaryOf(row) : null
    },
    countByPilot: () => Object.fromEntries(perPilot.all().map((row) => [row.pilot_id, row.n])),
  }
}

function inflatedMessages(compressed: Buffer, where: { table: string; key: string }, onCorrupt: OnCorruptAgentRow): unknown {
  try {
    return JSON.parse(inflateRawSync(compressed).toString('utf8')) as unknown
  } catch (error) {
    onCorrupt({ ...where, problem: `messages cannot be read: ${error instanceof Error ? error.message : String(error)}` })
    return undefined
  }
}

function describeId(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id.slice(0, 64) : '(without an id)'
}
