import { PromptContentSchema, type PromptContent, type PromptIssue } from '../../../../shared/domain/agents/prompt'
import type { PromptVersion } from '../../../../shared/domain/agents/prompt'

/** An imported prompt that was not saved, and why. */
export interface RefusedImport {
  /** Position in the document's list, from 0. */
  index: number
  /** The role it claimed, when it named one. */
  role: string | null
  issues: PromptIssue[]
}

export interface PromptImportResult {
  saved: PromptVersion[]
  refused: RefusedImport[]
}

/** Checks one item of an imported document against the prompt schema; the kernel's own checks come after. */
export function parseImportedPrompt(item: unknown): { ok: true; content: PromptContent } | { ok: false; role: string | null; issues: PromptIssue[] } {
  const parsed = PromptContentSchema.safeParse(item)
  if (parsed.success) return { ok: true, content: parsed.data }
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(prompt)',
    code: 'invalid' as const,
    message: issue.message,
  }))
  return { ok: false, role: claimedRole(item), issues }
}

function claimedRole(item: unknown): string | null {
  if (typeof item !== 'object' || item === null || !('role' in item)) return null
  const role = (item as { role: unknown }).role
  return typeof role === 'string' ? role.slice(0, 40) : null
}
