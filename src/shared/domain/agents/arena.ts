import { z } from 'zod'
import { PilotIdSchema, PilotStateSchema } from './pilot'

/** One pilot's line on the leaderboard. Returns in percent of the starting balance. */
export const LeaderboardRowSchema = z.strictObject({
  pilotId: PilotIdSchema,
  name: z.string(),
  model: z.string(),
  state: PilotStateSchema,
  startingEquity: z.number(),
  equity: z.number(),
  returnPct: z.number(),
  sharpe: z.number().nullable(),
  maxDrawdownPct: z.number(),
  winRatePct: z.number().nullable(),
  trades: z.number().int().nonnegative(),
  fees: z.number(),
  modelCostUsd: z.number().nonnegative(),
  /** Return after subtracting what the model cost, in percent of the starting balance. */
  netReturnPct: z.number(),
  decisions: z.number().int().nonnegative(),
})
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>
