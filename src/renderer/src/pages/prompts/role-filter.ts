import type { PromptRoleSummary } from '../../../../shared/contract/domains/prompts'
import type { RoleId } from '../../../../shared/domain/agents/roles'

/**
 * The roles whose translated name, id or one of whose tags contains every
 * word of the query, case-insensitively; the list order is kept. "Tech",
 * "technical_analyst", "技术" and "momentum" (a tag) all find the technical analyst.
 */
export function filterRoles(summaries: readonly PromptRoleSummary[], query: string, nameOf: (role: RoleId) => string): PromptRoleSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...summaries]
  return summaries.filter((s) => {
    const haystack = [nameOf(s.role), s.role, ...s.tags].map((text) => text.toLowerCase())
    return words.every((word) => haystack.some((text) => text.includes(word)))
  })
}
