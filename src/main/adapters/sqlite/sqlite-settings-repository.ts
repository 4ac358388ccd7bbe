import type Database from 'better-sqlite3'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/domain/settings'
import type { SettingsRepository } from '../../ports/store'

/**
 * Settings stored one key per row, so a value that no longer validates (after
 * a downgrade, say) falls back to its default alone instead of losing the rest.
 */
export function createSqliteSettingsRepository(db: Database.Database, onInvalid: (key: string, value: string) => void): SettingsRepository {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const saveAll = db.transaction((settings: Settings) => {
    for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value))
  })
  const shape = SettingsSchema.shape

  return {
    load() {
      const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
      for (const row of all.all()) {
        if (!Object.hasOwn(shape, row.key)) continue
        const schema = shape[row.key as keyof typeof shape]
        let value: unknown
        try {
          value = JSON.parse(row.value)
        } catch {
          onInvalid(row.key, row.value)
          continue
        }
        const parsed = schema.safeParse(value)
        if (parsed.success) settings[row.key] = parsed.data
        else onInvalid(row.key, row.value)
      }
      return SettingsSchema.parse(settings)
    },
    save: (settings) => saveAll(SettingsSchema.parse(settings)),
  }
}
