import type Database from 'better-sqlite3'
import type { z } from 'zod'
import { PromptContentSchema, PromptVersionSchema, type PromptVersion } from '../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../shared/domain/agents/roles'
import type { PromptRepository } from '../../ports/agent-store'
import { readStored, validInput, validStored, type OnCorruptAgentRow } from './sqlite-agent-rows'

interface PromptRow {
  role: string
  version: number
  created_at: number
  author: string
  note: string
  hash: string
  rollback_of: number | null
  content: string
}

// What the content column holds: the prompt itself, without the role (a column of its own).
const StoredContentSchema = PromptContentSchema.omit({ role: true })

/** Prompt versions per role (migration 4): immutable, numbered 1, 2, 3 … with no gap. */
export function createSqlitePromptRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow): PromptRepository {
  const all = db.prepare<[string], PromptRow>('SELECT * FROM prompt_versions WHERE role = ? ORDER BY version')
  const newest = db.prepare<[string], PromptRow>('SELECT * FROM prompt_versions WHERE role = ? ORDER BY version DESC LIMIT 1')
  const lastNumber = db.prepare<[string], number | null>('SELECT max(version) FROM prompt_versions WHERE role = ?').pluck()
  const insert = db.prepare<PromptRow>(
    `INSERT INTO prompt_versions (role, version, created_at, author, note, hash, rollback_of, content)
     VALUES (@role, @version, @created_at, @author, @note, @hash, @rollback_of, @content)`,
  )

  const versionOf = (row: PromptRow): PromptVersion | null => {
    const where = { table: 'prompt_versions', key: `${row.role} v${row.version}` }
    const stored = readStored(StoredContentSchema, row.content, where, onCorrupt)
    if (!stored) return null
    const version = {
      ...stored,
      role: row.role,
      version: row.version,
      author: row.author,
      note: row.note,
      createdAt: row.created_at,
      hash: row.hash,
      rollbackOf: row.rollback_of,
    }
    return validStored(PromptVersionSchema, version, where, onCorrupt)
  }

  // Read and write in one transaction, so two saves cannot both take the same number.
  const append = db.transaction((version: PromptVersion) => {
    const latest = lastNumber.get(version.role) ?? 0
    if (version.version !== latest + 1) {
      throw new Error(`refused prompt version ${version.version} of ${version.role}: the next version is ${latest + 1} (versions are numbered without gaps)`)
    }
    if (version.rollbackOf !== null && version.rollbackOf > latest) {
      throw new Error(`refused prompt version ${version.version} of ${version.role}: it rolls back to version ${version.rollbackOf}, which does not exist`)
    }
    const { tags, sections, params } = version
    insert.run({
      role: version.role,
      version: version.version,
      created_at: version.createdAt,
      author: version.author,
      note: version.note,
      hash: version.hash,
      rollback_of: version.rollbackOf,
      content: JSON.stringify({ tags, sections, params } satisfies z.infer<typeof StoredContentSchema>),
    })
  })

  return {
    versions: (role: RoleId) => all.all(role).flatMap((row) => versionOf(row) ?? []),
    latest(role) {
      const row = newest.get(role)
      return row ? versionOf(row) : null
    },
    append(version) {
      append(validInput(PromptVersionSchema, version, 'prompt version'))
    },
  }
}
