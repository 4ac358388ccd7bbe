import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteSettingsRepository } from '../../../src/main/adapters/sqlite/sqlite-settings-repository'
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings'
import { makeTempDir } from '../../support/temp-dir'

describe('settings repository', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('starts from defaults and keeps what was saved', () => {
    const db = openDatabase(join(dir.path, 's.sqlite'))
    const repo = createSqliteSettingsRepository(db, () => {})
    expect(repo.load()).toEqual(DEFAULT_SETTINGS)
    repo.save({ language: 'en', theme: 'light', logLevel: 'warn' })
    expect(repo.load()).toEqual({ language: 'en', theme: 'light', logLevel: 'warn' })
    db.close()
  })

  it('falls back to the default for a stored value that no longer validates, keeping the others', () => {
    const db = openDatabase(join(dir.path, 's.sqlite'))
    const invalid: string[] = []
    const repo = createSqliteSettingsRepository(db, (key) => invalid.push(key))
    repo.save({ language: 'zh-CN', theme: 'dark', logLevel: 'debug' })
    db.prepare("UPDATE settings SET value = '\"verbose\"' WHERE key = 'logLevel'").run()
    db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'theme'").run()
    expect(repo.load()).toEqual({ language: 'zh-CN', theme: 'dark', logLevel: 'info' })
    expect(invalid.sort()).toEqual(['logLevel', 'theme'])
    expect(() => repo.save({ language: 'fr', theme: 'dark', logLevel: 'info' } as never)).toThrow()
    db.close()
  })
})
