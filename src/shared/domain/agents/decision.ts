import { z } from 'zod'
import { IntentIdSchema } from '../intent'
import { RiskReasonCodeSchema } from '../risk'
import { AccountViewSchema } from './snapshot'
import { ModelParamsSchema, ModelRefSchema, TokenUsageSchema } from './model'
import { PilotIdSchema } from './pilot'
import { RoleIdSchema } from './roles'

export const DecisionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
export type DecisionId = z.infer<typeof DecisionIdSchema>

/**
 * How a role run ended. "no_action" covers blank, truncated and still-invalid
 * output after the repair round: it is recorded, and nothing is traded.
 */
export const DecisionOutcomeSchema = z.enum(['parsed', 'repaired', 'no_action', 'failed', 'vetoed', 'skipped'])
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>

/** What became of one intent a decision produced. */
export const IntentLinkSchema = z.strictObject({
  intentId: IntentIdSchema,
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  amount: z.number(),
  /** The order service's answer: sent, rejected by risk, approval denied, or refused before risk (malformed). */
  status: z.enum(['sent', 'rejected', 'approval_denied', 'refused']),
  reasons: z.array(RiskReasonCodeSchema),
  message: z.string().nullable(),
  clientOrderId: z.string().nullable(),
  orderStatus: z.string().nullable(),
  filled: z.number().nullable(),
})
export type IntentLink = z.infer<typeof IntentLinkSchema>

/** One role run, as the decision feed lists it. */
export const DecisionSummarySchema = z.strictObject({
  id: DecisionIdSchema,
  cycleId: z.string(),
  pilotId: PilotIdSchema,
  role: RoleIdSchema,
  model: ModelRefSchema,
  /** Set when the rules provider answered in place of the configured model. */
  fallbackFrom: ModelRefSchema.nullable(),
  promptVersion: z.number().int().nonnegative(),
  symbols: z.array(z.string()),
  startedAt: z.number().int(),
  latencyMs: z.number().nonnegative(),
  outcome: DecisionOutcomeSchema,
  /** A one-line conclusion: the stance, the trader's intent, or why nothing was done. */
  conclusion: z.string(),
  inputSummary: z.string(),
  usage: TokenUsageSchema,
  costUsd: z.number().nonnegative(),
  intents: z.array(IntentLinkSchema),
})
export type DecisionSummary = z.infer<typeof DecisionSummarySchema>

/** The full record: everything needed to audit or replay the run. */
export const DecisionRecordSchema = DecisionSummarySchema.extend({
  snapshotHash: z.string(),
  /** The pilot's account as the run saw it (balance, positions, limits). */
  account: AccountViewSchema.nullable(),
  inputHash: z.string(),
  params: ModelParamsSchema,
  /** The exact messages sent (system and user), so a replay sends the same thing. */
  messages: z.array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  responseMode: z.enum(['json_schema', 'json_object', 'rules']),
  rawOutput: z.string(),
  reasoning: z.string().nullable(),
  repairRawOutput: z.string().nullable(),
  parsedOutput: z.unknown().nullable(),
  validationErrors: z.array(z.string()),
  error: z.string().nullable(),
})
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>

export const DecisionFilterSchema = z.strictObject({
  pilotId: PilotIdSchema.optional(),
  role: RoleIdSchema.optional(),
  symbol: z.string().max(64).optional(),
  outcome: DecisionOutcomeSchema.optional(),
  /** Full-text query over conclusions, rationales and raw output (SQLite FTS5 syntax is escaped). */
  text: z.string().max(200).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Return records older than this time (paging). */
  before: z.number().int().optional(),
  /** With `before`: also the records at exactly that time that come after this one, so a page never skips decisions sharing a millisecond. */
  beforeId: DecisionIdSchema.optional(),
})
export type DecisionFilter = z.infer<typeof DecisionFilterSchema>
