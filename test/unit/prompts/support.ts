import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import { createPromptCatalog } from '../../../src/main/adapters/prompt-files'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../../src/main/adapters/sqlite/sqlite-audit-log'
import { createPromptService, type PromptService } from '../../../src/main/core/agents/prompts'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import type { PromptCatalog } from '../../../src/main/ports/prompt-catalog'
import type { AuditLog } from '../../../src/main/ports/store'
import type { PromptVersion } from '../../../src/shared/domain/agents/prompt'
import { makeTempDir } from '../../support/temp-dir'
import { createMemoryPromptRepository } from './memory-prompt-repository'

export const RESOURCES_DIR = resolve(import.meta.dirname, '../../../resources')

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export interface ServiceHarness {
  service: PromptService
  repository: ReturnType<typeof createMemoryPromptRepository>
  catalog: PromptCatalog
  audit: AuditLog
  clock: TestClock
  published: PromptVersion[]
  close(): void
}

/** The real catalog over resources/, a real SQLite audit log in a temporary folder, an in-memory repository. */
export function createServiceHarness(): ServiceHarness {
  const dir = makeTempDir('prompts-test-')
  const db: Database.Database = openDatabase(join(dir.path, 'profile.sqlite'))
  const audit = createSqliteAuditLog(db)
  const repository = createMemoryPromptRepository()
  const catalog = createPromptCatalog(RESOURCES_DIR)
  const clock = createTestClock(1_700_000_000_000)
  const published: PromptVersion[] = []
  const service = createPromptService({ repository, catalog, audit, clock, sha256, publish: (version) => published.push(version) })
  return {
    service,
    repository,
    catalog,
    audit,
    clock,
    published,
    close() {
      db.close()
      dir.remove()
    },
  }
}
