import { z } from 'zod'

/** How the kernel is hosted: inside Electron or as the headless server. */
export const ShellKindSchema = z.enum(['electron', 'headless'])
export type ShellKind = z.infer<typeof ShellKindSchema>

/** Trading mode of the workstation as a whole; live trading is opt-in per account. */
export const TradingModeSchema = z.enum(['paper', 'live'])
export type TradingMode = z.infer<typeof TradingModeSchema>

export const SystemInfoSchema = z.strictObject({
  version: z.string(),
  shell: ShellKindSchema,
  mode: TradingModeSchema,
  dataDir: z.string(),
  startedAt: z.number().int(),
})
export type SystemInfo = z.infer<typeof SystemInfoSchema>

export const HeartbeatSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: z.number().int(),
})
export type Heartbeat = z.infer<typeof HeartbeatSchema>
