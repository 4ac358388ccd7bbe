import { z } from 'zod'
import { SettingsPatchSchema, SettingsSchema } from '../../domain/settings'
import { command, event } from '../define'

export const settingsCommands = {
  'settings.get': command({
    summary: 'The persisted settings of this profile',
    input: z.void(),
    output: SettingsSchema,
  }),
  'settings.update': command({
    summary: 'Changes some settings and returns them all; persisted at once',
    input: SettingsPatchSchema,
    output: SettingsSchema,
  }),
} as const

export const settingsEvents = {
  'settings.changed': event({
    summary: 'Settings after any change, from any window',
    payload: SettingsSchema,
  }),
} as const
