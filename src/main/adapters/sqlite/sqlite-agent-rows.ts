import type { z } from 'zod'

/** A stored row that no longer reads as what it should be: skipped, and reported once per read. */
export interface CorruptAgentRow {
  table: string
  key: string
  problem: string
}

export type OnCorruptAgentRow = (row: CorruptAgentRow) => void

/**
 * Parses a JSON column and validates it. A row written by an older or newer
 * app, or edited by hand, must not take down a whole list: it is reported
 * and left out, and the rest still reads.
 */
export function readStored<T>(schema: z.ZodType<T>, text: string, where: { table: string; key: string }, onCorrupt: OnCorruptAgentRow): T | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    onCorrupt({ ...where, problem: `not JSON (${(error as Error).message})` })
    return null
  }
  return validStored(schema, value, where, onCorrupt)
}

/** Validates a value assembled from columns; see readStored. */
export function validStored<T>(schema: z.ZodType<T>, value: unknown, where: { table: string; key: string }, onCorrupt: OnCorruptAgentRow): T | null {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  onCorrupt({ ...where, problem: describeIssues(parsed.error) })
  return null
}

/**
 * Validates what a caller hands in, so an invalid value is refused with a
 * readable message before it can reach the file or a query.
 */
export function validInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new TypeError(`invalid ${what}: ${describeIssues(parsed.error)}`)
  return parsed.data
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
