import type { PromptRepository } from '../../../src/main/ports/agent-store'
import type { PromptVersion } from '../../../src/shared/domain/agents/prompt'
import type { RoleId } from '../../../src/shared/domain/agents/roles'

/**
 * The PromptRepository contract in memory: append-only, numbered per role,
 * refusing a version that is not the next one (as the SQLite one must).
 * Stored versions are copies, so a caller mutating its object changes nothing.
 */
export function createMemoryPromptRepository(): PromptRepository & { appended: number } {
  const byRole = new Map<RoleId, PromptVersion[]>()
  const copy = (version: PromptVersion): PromptVersion => structuredClone(version)
  const repository = {
    appended: 0,
    versions: (role: RoleId) => (byRole.get(role) ?? []).map(copy),
    latest(role: RoleId) {
      const last = byRole.get(role)?.at(-1)
      return last ? copy(last) : null
    },
    append(version: PromptVersion) {
      const list = byRole.get(version.role) ?? []
      const expected = (list.at(-1)?.version ?? 0) + 1
      if (version.version !== expected) throw new Error(`version ${version.version} of ${version.role} is not the next one (${expected})`)
      list.push(copy(version))
      byRole.set(version.role, list)
      repository.appended += 1
    },
  }
  return repository
}
