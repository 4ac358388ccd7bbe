import { z } from 'zod'

/** Languages the UI ships translations for. */
export const LanguageSchema = z.enum(['en', 'zh-CN'])
export type Language = z.infer<typeof LanguageSchema>

export const ThemeSchema = z.enum(['dark', 'light'])
export type Theme = z.infer<typeof ThemeSchema>

export const LogLevelSchema = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])
export type LogLevel = z.infer<typeof LogLevelSchema>

/**
 * User settings persisted per profile. `language` is null until the trader
 * picks one, so the renderer can follow the system language on first launch.
 */
export const SettingsSchema = z.strictObject({
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  logLevel: LogLevelSchema,
})
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = SettingsSchema.partial().refine((patch) => Object.keys(patch).length > 0, {
  message: 'Expected at least one setting to change',
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const DEFAULT_SETTINGS: Settings = {
  language: null,
  theme: 'dark',
  logLevel: 'info',
}
