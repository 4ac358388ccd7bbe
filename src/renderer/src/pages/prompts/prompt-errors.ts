import { z } from 'zod'
import type { ContractError } from '../../../../shared/contract/envelope'
import { PromptIssueSchema, type PromptIssue } from '../../../../shared/domain/agents/prompt'

const Issues = z.array(PromptIssueSchema)

/**
 * The validation issues a refused save carries in its details (a list, or
 * `{issues: [...]}`), so they can be shown beside their sections; null when
 * the refusal is of another kind.
 */
export function issuesFromError(error: ContractError): PromptIssue[] | null {
  const details = error.details
  const candidate = details && typeof details === 'object' && !Array.isArray(details) && 'issues' in details ? details.issues : details
  const parsed = Issues.safeParse(candidate)
  return parsed.success && parsed.data.length > 0 ? parsed.data : null
}
