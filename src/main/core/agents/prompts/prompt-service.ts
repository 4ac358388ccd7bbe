import type { PromptRoleSummary } from '../../../../shared/contract/domains/prompts'
import { HandlerError } from '../../../../shared/contract/envelope'
import { PromptVersionSchema, type PromptContent, type PromptIssue, type PromptVersion } from '../../../../shared/domain/agents/prompt'
import { ROLE_IDS, type RoleId } from '../../../../shared/domain/agents/roles'
import type { PromptRepository } from '../../../ports/agent-store'
import type { Clock } from '../../../ports/clock'
import type { Sha256Hex } from '../../../ports/hasher'
import type { PromptCatalog } from '../../../ports/prompt-catalog'
import type { AuditLog } from '../../../ports/store'
import { hashPrompt } from './hash-prompt'
import { outputJsonSchema, type JsonSchema } from './output-json-schema'
import { invalidPrompt, invalidYaml, noSuchVersion, refusalReason, unchangedPrompt } from './prompt-errors'
import { parseImportedPrompt, type PromptImportResult } from './prompt-import'
import { validatePrompt } from './validate-prompt'

export interface PromptServiceDeps {
  repository: PromptRepository
  catalog: PromptCatalog
  audit: AuditLog
  clock: Clock
  sha256: Sha256Hex
  /** Announces every new version; the composition root forwards it as the `prompts.changed` event. */
  publish?: (version: PromptVersion) => void
  /** The JSON Schema of a role's answer; the generated one unless a test needs another. */
  outputSchema?: (role: RoleId) => JsonSchema
}

export interface PromptService {
  /** Saves the shipped default as version 1 of every role that has no version yet. Returns what it saved. */
  seedDefaults(): PromptVersion[]
  /** The version the next run of a role uses: always the newest stored one, so a save applies at once. */
  current(role: RoleId): PromptVersion
  list(): PromptRoleSummary[]
  /** Every version of a role, oldest first. */
  history(role: RoleId): PromptVersion[]
  validate(content: PromptContent): PromptIssue[]
  /** Saves a new version; refuses an invalid prompt or one identical to the current version. */
  save(content: PromptContent, note: string, author: string): PromptVersion
  /** Makes an earlier version current again by saving its content as a new version. */
  rollback(role: RoleId, version: number, note: string, author?: string): PromptVersion
  /** YAML of the current prompts of the given roles (every role when empty). */
  exportYaml(roles?: readonly RoleId[]): string
  /** Saves each valid prompt of a YAML document as a new version and reports the others. */
  importYaml(text: string, note: string, author?: string): PromptImportResult
  outputSchema(role: RoleId): JsonSchema
}

type SaveSource = 'default' | 'edit' | 'import'

/**
 * The prompt registry: versions are append-only, each save is validated
 * first, hashed, audited (by hash, never the text) and announced. Nothing is
 * cached, so the next role run reads whatever was saved last (hot reload).
 */
export function createPromptService(deps: PromptServiceDeps): PromptService {
  const { repository, catalog, audit, clock, sha256 } = deps
  const schemaOf = deps.outputSchema ?? outputJsonSchema

  const validate = (content: PromptContent): PromptIssue[] => validatePrompt(content, schemaOf(content.role))

  function append(content: PromptContent, meta: { note: string; author: string; rollbackOf: number | null }): PromptVersion {
    const latest = repository.latest(content.role)
    const candidate = {
      role: content.role,
      tags: [...content.tags],
      sections: { ...content.sections },
      params: { ...content.params },
      version: (latest?.version ?? 0) + 1,
      author: meta.author,
      note: meta.note,
      createdAt: clock.now(),
      hash: hashPrompt(content, sha256),
      rollbackOf: meta.rollbackOf,
    }
    // The whole version is checked, metadata included, so the store never holds what the contract could not carry.
    const parsed = PromptVersionSchema.safeParse(candidate)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), code: 'invalid' as const, message: issue.message }))
      throw invalidPrompt(content.role, issues)
    }
    repository.append(parsed.data)
    return parsed.data
  }

  function announce(version: PromptVersion): PromptVersion {
    deps.publish?.(version)
    return version
  }

  function saveChecked(content: PromptContent, note: string, author: string, source: SaveSource): PromptVersion {
    const issues = validate(content)
    if (issues.length > 0) throw invalidPrompt(content.role, issues)
    const latest = repository.latest(content.role)
    if (latest && latest.hash === hashPrompt(content, sha256)) throw unchangedPrompt(content.role, latest.version)
    const version = append(content, { note, author, rollbackOf: null })
    audit.append({ kind: 'prompts.saved', actor: author, subject: version.role, payload: auditPayload(version, source) }, version.createdAt)
    return announce(version)
  }

  function seedRole(role: RoleId): PromptVersion | null {
    if (repository.latest(role)) return null
    const content = catalog.defaults().find((prompt) => prompt.role === role)
    if (!content) throw new HandlerError('unavailable', `No default prompt ships for the ${role} role; the resources/prompts folder is incomplete`)
    return saveChecked(content, 'default', 'system', 'default')
  }

  return {
    seedDefaults: () => ROLE_IDS.flatMap((role) => seedRole(role) ?? []),

    current(role) {
      // A role never seeded (a new role after an upgrade) gets its default on first use rather than failing the run.
      const latest = repository.latest(role) ?? seedRole(role)
      if (!latest) throw new HandlerError('internal', `The ${role} prompt could not be read after seeding it`)
      return latest
    },

    list() {
      return ROLE_IDS.flatMap((role) => {
        const versions = repository.versions(role)
        const latest = versions.at(-1)
        if (!latest) return []
        return [{ role, tags: latest.tags, version: latest.version, updatedAt: latest.createdAt, author: latest.author, versions: versions.length }]
      })
    },

    history: (role) => repository.versions(role),

    validate,

    save: (content, note, author) => saveChecked(content, note, author, 'edit'),

    rollback(role, target, note, author = 'trader') {
      const versions = repository.versions(role)
      const latest = versions.at(-1) ?? null
      const old = versions.find((version) => version.version === target)
      if (!old) throw noSuchVersion(role, target, latest?.version ?? null)
      // Rolling back to what is already current (the same version, or an identical one) would only add noise to the history.
      if (latest && latest.hash === old.hash) throw unchangedPrompt(role, latest.version)
      // The old text must still pass today's checks: a version saved under older rules is not restored blindly.
      const issues = validate(old)
      if (issues.length > 0) throw invalidPrompt(role, issues)
      const version = append(old, { note: note.trim() === '' ? `Rollback to version ${target}` : note, author, rollbackOf: target })
      audit.append(
        { kind: 'prompts.rolledBack', actor: author, subject: role, payload: { role, version: version.version, rollbackOf: target, hash: version.hash, note: version.note } },
        version.createdAt,
      )
      return announce(version)
    },

    exportYaml(roles = []) {
      const chosen = roles.length > 0 ? ROLE_IDS.filter((role) => roles.includes(role)) : ROLE_IDS
      return catalog.toYaml(chosen.flatMap((role) => repository.latest(role) ?? []).map(contentOf))
    },

    importYaml(text, note, author = 'trader') {
      let items: unknown[]
      try {
        items = catalog.fromYaml(text)
      } catch (error) {
        throw invalidYaml(error instanceof Error ? error.message : String(error))
      }
      const result: PromptImportResult = { saved: [], refused: [] }
      items.forEach((item, index) => {
        const parsed = parseImportedPrompt(item)
        if (!parsed.ok) {
          result.refused.push({ index, role: parsed.role, issues: parsed.issues })
          return
        }
        try {
          result.saved.push(saveChecked(parsed.content, note, author, 'import'))
        } catch (error) {
          // Only refusals become per-item reports; a storage failure must stop the import loudly.
          const reason = refusalReason(error)
          if (reason === null || !(error instanceof HandlerError)) throw error
          result.refused.push({ index, role: parsed.content.role, issues: issuesOf(error, reason) })
        }
      })
      return result
    },

    outputSchema: schemaOf,
  }
}

function contentOf(version: PromptVersion): PromptContent {
  return { role: version.role, tags: version.tags, sections: version.sections, params: version.params }
}

function auditPayload(version: PromptVersion, source: SaveSource): Record<string, unknown> {
  return { role: version.role, version: version.version, hash: version.hash, note: version.note, source }
}

function issuesOf(error: HandlerError, reason: string): PromptIssue[] {
  const details = error.details as { issues?: PromptIssue[] }
  if (reason === 'invalid_prompt' && Array.isArray(details.issues)) return details.issues
  return [{ field: '(prompt)', code: 'invalid', message: error.message }]
}
