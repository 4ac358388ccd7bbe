import { z } from 'zod'
import { LeaderboardRowSchema } from '../../domain/agents/arena'
import { DecisionSummarySchema } from '../../domain/agents/decision'
import { PilotIdSchema } from '../../domain/agents/pilot'
import { PositionSchema } from '../../domain/order'
import { command, event } from '../define'
import { EquityPointSchema } from './portfolio'

export const ArenaPilotViewSchema = z.strictObject({
  pilotId: PilotIdSchema,
  positions: z.array(PositionSchema),
  latestDecision: DecisionSummarySchema.nullable(),
  equity: z.array(EquityPointSchema),
})
export type ArenaPilotView = z.infer<typeof ArenaPilotViewSchema>

export const arenaCommands = {
  'arena.leaderboard': command({ summary: 'Return, Sharpe, drawdown, win rate, trades, fees and model cost per pilot', input: z.void(), output: z.array(LeaderboardRowSchema) }),
  'arena.pilots': command({ summary: "Each pilot's equity curve, positions and latest decision", input: z.void(), output: z.array(ArenaPilotViewSchema) }),
} as const

export const arenaEvents = {
  'arena.updated': event({ summary: 'The leaderboard changed (coalesced)', payload: z.array(LeaderboardRowSchema) }),
} as const
