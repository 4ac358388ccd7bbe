import { z } from 'zod'
import { AccountIdSchema } from '../account'
import { SymbolSchema, VenueIdSchema } from '../market'
import { ModelRefSchema } from './model'
import { PipelineIdSchema, RoleIdSchema } from './roles'

export const PilotIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected 1-40 lowercase letters, digits, _ or -')
export type PilotId = z.infer<typeof PilotIdSchema>

export const RulesStrategySchema = z.enum(['trend_following', 'mean_reversion', 'breakout'])
export type RulesStrategy = z.infer<typeof RulesStrategySchema>

export const PilotBudgetSchema = z.strictObject({
  tokensPerDay: z.number().int().nonnegative(),
  usdPerDay: z.number().nonnegative(),
})
export type PilotBudget = z.infer<typeof PilotBudgetSchema>

/**
 * One trading identity: a model per role, a pipeline, a cadence, its own
 * account and a budget. The rules pilot's model is the rules provider.
 */
export const PilotConfigSchema = z.strictObject({
  id: PilotIdSchema,
  name: z.string().min(1).max(80),
  pipeline: PipelineIdSchema,
  /** The model of every role without its own entry in roleModels. */
  model: ModelRefSchema,
  roleModels: z.partialRecord(RoleIdSchema, ModelRefSchema),
  /** The rules strategy used when the rules provider answers (as the model, or as the fallback). */
  strategy: RulesStrategySchema,
  /**
   * Let the rules provider answer when the model cannot be reached (errors, time-outs, a missing key, a
   * budget spent mid-cycle). A model that answers badly is recorded as "no action", never replaced.
   */
  fallbackToRules: z.boolean(),
  accountId: AccountIdSchema,
  venue: VenueIdSchema,
  symbols: z.array(SymbolSchema).min(1).max(10),
  cadenceMs: z.number().int().min(10_000).max(24 * 3600 * 1000),
  budget: PilotBudgetSchema,
  enabled: z.boolean(),
  createdAt: z.number().int(),
})
export type PilotConfig = z.infer<typeof PilotConfigSchema>

/** Why a pilot is not trading right now, if it is not. */
export const PilotStateSchema = z.enum(['running', 'paused', 'stopped', 'waiting_for_key', 'over_budget', 'halted'])
export type PilotState = z.infer<typeof PilotStateSchema>

export const PilotStatusSchema = z.strictObject({
  config: PilotConfigSchema,
  state: PilotStateSchema,
  detail: z.string().nullable(),
  lastCycleAt: z.number().int().nullable(),
  nextCycleAt: z.number().int().nullable(),
  cycling: z.boolean(),
  spentToday: z.strictObject({ tokens: z.number().int().nonnegative(), usd: z.number().nonnegative() }),
})
export type PilotStatus = z.infer<typeof PilotStatusSchema>
