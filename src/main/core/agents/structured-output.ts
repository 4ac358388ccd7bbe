import type { z } from 'zod'
import { ROLE_OUTPUT_SCHEMAS } from '../../../shared/domain/agents/role-outputs'
import type { RoleId } from '../../../shared/domain/agents/roles'

export type ParseResult = { ok: true; value: unknown } | { ok: false; errors: string[] }

/** Answers beyond this are refused before parsing: no legitimate role output is near it. */
export const MAX_OUTPUT_CHARS = 100_000

/**
 * Parses a model's answer strictly against the role's schema. The answer must
 * be one JSON object; the only leniency is a single Markdown code fence around
 * it, which many models add even in JSON mode. Prose around the object,
 * several objects, unknown keys or out-of-range values all fail, with errors
 * worded for the repair round.
 */
export function parseRoleOutput(role: RoleId, text: string): ParseResult {
  const body = unfence(text.trim())
  if (body.length === 0) return { ok: false, errors: ['The answer was blank; expected one JSON object.'] }
  if (body.length > MAX_OUTPUT_CHARS) return { ok: false, errors: [`The answer is ${body.length} characters; the limit is ${MAX_OUTPUT_CHARS}.`] }
  if (!body.startsWith('{')) return { ok: false, errors: ['The answer is not a JSON object: it must start with "{" and contain nothing else.'] }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, errors: [`The answer is not valid JSON (${detail}); it may be truncated.`] }
  }
  const schema: z.ZodType = ROLE_OUTPUT_SCHEMAS[role]
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, errors: parsed.error.issues.slice(0, 20).map(describeIssue) }
}

function unfence(text: string): string {
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(text)
  return fenced ? fenced[1]!.trim() : text
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'
  return `${path}: ${issue.message}`
}

/** The user message of the one repair round: what was wrong, and the rule again. */
export function repairMessage(errors: readonly string[]): string {
  return [
    'Your previous answer could not be used. Problems found:',
    ...errors.map((e) => `- ${e}`),
    'Answer again with exactly one JSON object that follows the output schema. No prose, no code fences, no keys outside the schema.',
  ].join('\n')
}
