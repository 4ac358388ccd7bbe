import type { PromptRoleSummary } from '../../../shared/contract/domains/prompts'
import type { PromptVersion } from '../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../shared/domain/agents/roles'

// Pure helpers of the prompts store, unit-tested under Node.

export type Histories = Partial<Record<RoleId, PromptVersion[]>>

/**
 * A role's history with one more version, oldest first. A version already
 * known (the save's answer and its event both arrive) is not added twice; a
 * history not loaded yet stays unloaded, since one version is not all of them.
 */
export function historiesWith(histories: Histories, version: PromptVersion): Histories {
  const list = histories[version.role]
  if (!list || list.some((v) => v.version === version.version)) return histories
  return { ...histories, [version.role]: [...list, version].sort((a, b) => a.version - b.version) }
}

/** The list row of the version's role, moved on to it when it is newer than what the row shows. */
export function summariesWith(summaries: readonly PromptRoleSummary[] | null, version: PromptVersion): PromptRoleSummary[] | null {
  if (!summaries) return null
  return summaries.map((s) =>
    s.role !== version.role || s.version >= version.version
      ? s
      : { ...s, version: version.version, tags: version.tags, author: version.author, updatedAt: version.createdAt, versions: Math.max(s.versions, version.version) },
  )
}

export const currentVersion = (history: readonly PromptVersion[] | undefined): PromptVersion | null => history?.at(-1) ?? null
