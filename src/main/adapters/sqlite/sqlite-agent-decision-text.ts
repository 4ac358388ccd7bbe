import type { DecisionRecord } from '../../../shared/domain/agents/decision'

/** The columns of decisions_fts, in their declared order. */
export interface DecisionText {
  conclusion: string
  input_summary: string
  rationale: string
  raw_output: string
  validation_errors: string
}

// Parsed outputs are small and schema-bounded; the cap only guards against a
// pathological value reaching the index.
const MAX_DEPTH = 16

/**
 * What full-text search sees of a decision. The rationale column gathers
 * every string of the parsed answer (a trader's rationale, an analyst's
 * summary and key points, a debater's arguments) and the model's reasoning,
 * so a search finds a word wherever the role's schema put it.
 */
export function searchableTextOf(record: DecisionRecord): DecisionText {
  const rationale: string[] = []
  collectStrings(record.parsedOutput, rationale, 0)
  if (record.reasoning !== null) rationale.push(record.reasoning)
  return {
    conclusion: record.conclusion,
    input_summary: record.inputSummary,
    rationale: rationale.join('\n'),
    raw_output: [record.rawOutput, record.repairRawOutput ?? ''].join('\n'),
    validation_errors: [...record.validationErrors, record.error ?? ''].join('\n'),
  }
}

function collectStrings(value: unknown, into: string[], depth: number): void {
  if (depth > MAX_DEPTH) return
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into, depth + 1)
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into, depth + 1)
}
