import { z } from 'zod'
import { PilotConfigSchema, PilotIdSchema, PilotStatusSchema } from '../../domain/agents/pilot'
import { command, event } from '../define'

const byId = z.strictObject({ pilotId: PilotIdSchema })

/** What the trader may change on a pilot; the id, account and creation time stay. */
export const PilotPatchSchema = PilotConfigSchema.pick({
  name: true,
  pipeline: true,
  model: true,
  roleModels: true,
  strategy: true,
  fallbackToRules: true,
  symbols: true,
  cadenceMs: true,
  budget: true,
}).partial()

/** A new pilot: its own paper account is opened with it on the chosen venue. */
export const NewPilotSchema = PilotConfigSchema.pick({
  id: true,
  name: true,
  pipeline: true,
  model: true,
  roleModels: true,
  strategy: true,
  fallbackToRules: true,
  venue: true,
  symbols: true,
  cadenceMs: true,
  budget: true,
}).extend({
  /** The paper account's deposit, in its settlement currency (USDT). */
  startingBalance: z.number().positive().max(1e9).default(10_000),
})
export type NewPilot = z.input<typeof NewPilotSchema>

export const CycleReportSchema = z.strictObject({
  pilotId: PilotIdSchema,
  cycleId: z.string(),
  snapshotHash: z.string(),
  startedAt: z.number().int(),
  durationMs: z.number().nonnegative(),
  decisions: z.number().int().nonnegative(),
  intents: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  outcome: z.enum(['traded', 'held', 'no_action', 'failed', 'skipped']),
  detail: z.string().nullable(),
})
export type CycleReport = z.infer<typeof CycleReportSchema>

export const pilotCommands = {
  'pilots.list': command({ summary: 'Every pilot with its state, schedule and spend today', input: z.void(), output: z.array(PilotStatusSchema) }),
  'pilots.update': command({
    summary: 'Changes a pilot (models per role, pipeline, cadence, budget); the next cycle uses it',
    input: z.strictObject({ pilotId: PilotIdSchema, patch: PilotPatchSchema }),
    output: PilotStatusSchema,
  }),
  'pilots.create': command({
    summary: 'Adds a pilot with its own paper account; it starts paused, so the trader resumes it when ready',
    input: NewPilotSchema,
    output: PilotStatusSchema,
  }),
  'pilots.remove': command({
    summary: 'Stops a pilot and removes it; its account, orders and decision records stay for the record',
    input: byId,
    output: z.strictObject({ removed: z.boolean() }),
  }),
  'pilots.pause': command({ summary: 'Stops scheduling new cycles until resumed; a running cycle finishes', input: byId, output: PilotStatusSchema }),
  'pilots.resume': command({ summary: 'Resumes scheduled cycles', input: byId, output: PilotStatusSchema }),
  'pilots.stop': command({ summary: 'Cancels a running cycle and stops the pilot until resumed', input: byId, output: PilotStatusSchema }),
  'pilots.runNow': command({ summary: 'Runs one cycle now and returns its report', input: byId, output: CycleReportSchema }),
} as const

export const pilotEvents = {
  'pilots.changed': event({ summary: "A pilot's state, schedule or spend changed", payload: PilotStatusSchema }),
  'pilots.cycleCompleted': event({ summary: 'A pilot finished a cycle', payload: CycleReportSchema }),
} as const
