import { z } from 'zod'
import { command, event } from './define'
import { HealthReportSchema } from '../domain/health'
import { HeartbeatSchema, SystemInfoSchema } from '../domain/system'
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings'

/**
 * The one source of truth for everything that crosses the process boundary.
 * Names are `domain.verb`; events are past tense. Both transports, the
 * preload allowlist and the renderer client are derived from these maps.
 */
export const commands = {
  'system.info': command({
    summary: 'Version, shell, trading mode and data directory of the running kernel',
    input: z.void(),
    output: SystemInfoSchema,
  }),
  'system.health': command({
    summary: 'Lifecycle state of every kernel component',
    input: z.void(),
    output: HealthReportSchema,
  }),
  'system.ping': command({
    summary: 'Echoes a nonce with the kernel time; used for liveness and latency',
    input: z.strictObject({ nonce: z.string().max(256) }),
    output: z.strictObject({ nonce: z.string(), at: z.number().int() }),
  }),
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

export const events = {
  'system.heartbeat': event({
    summary: 'Kernel liveness, once per second',
    payload: HeartbeatSchema,
  }),
  'settings.changed': event({
    summary: 'Settings after any change, from any window',
    payload: SettingsSchema,
  }),
} as const

export type Commands = typeof commands
export type Events = typeof events
export type CommandName = keyof Commands
export type EventName = keyof Events

export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>
export type ParsedCommandInput<C extends CommandName> = z.output<Commands[C]['input']>
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>

export const commandNames = Object.keys(commands) as CommandName[]
export const eventNames = Object.keys(events) as EventName[]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
