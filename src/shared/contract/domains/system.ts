import { z } from 'zod'
import { HealthReportSchema } from '../../domain/health'
import { HeartbeatSchema, SystemInfoSchema } from '../../domain/system'
import { command, event } from '../define'

export const systemCommands = {
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
} as const

export const systemEvents = {
  'system.heartbeat': event({
    summary: 'Kernel liveness, once per second',
    payload: HeartbeatSchema,
  }),
} as const
