import { z } from 'zod'
import type { RoleId } from './roles'

/*
 * What each role must answer, as zod schemas. The JSON Schema given to the
 * model is generated from these, and the answer is parsed strictly against
 * them: unknown keys, missing fields and out-of-range numbers are refused.
 * Numbers are bounded so a hostile answer cannot carry absurd values past
 * the parser; the risk engine judges what remains.
 */

const text = (max: number) => z.string().max(max)
const confidence = z.number().min(0).max(1)
const stance = z.enum(['bullish', 'bearish', 'neutral'])
const symbol = z.string().min(3).max(64)

/** An analyst's report: the shape shared by the analysis roles. */
export const AnalystReportSchema = z.strictObject({
  stance,
  confidence,
  summary: text(1200),
  keyPoints: z.array(text(300)).max(8),
  symbols: z.array(z.strictObject({ symbol, stance, note: text(300) })).max(10),
})
export type AnalystReport = z.infer<typeof AnalystReportSchema>

/** The news collector digests headlines; it has no field that could carry an order. */
export const NewsDigestSchema = z.strictObject({
  sentiment: stance,
  confidence,
  headlines: z.array(z.strictObject({ title: text(300), impact: z.enum(['high', 'medium', 'low']), symbols: z.array(symbol).max(5) })).max(10),
  summary: text(1200),
})
export type NewsDigest = z.infer<typeof NewsDigestSchema>

/** One side of the bull/bear debate. */
export const DebateArgumentSchema = z.strictObject({
  thesis: text(1200),
  arguments: z.array(text(400)).min(1).max(8),
  rebuttals: z.array(text(400)).max(8),
  conviction: confidence,
})
export type DebateArgument = z.infer<typeof DebateArgumentSchema>

export const StrategyIdeaSchema = z.strictObject({
  strategies: z
    .array(z.strictObject({ name: text(80), symbol, direction: z.enum(['long', 'short', 'flat']), entry: text(300), exit: text(300), invalidation: text(300) }))
    .max(5),
  summary: text(1200),
})
export type StrategyIdea = z.infer<typeof StrategyIdeaSchema>

/** One order the trader proposes; the order path turns it into an intent. */
export const ProposedOrderSchema = z.strictObject({
  venue: z.string().min(1).max(40),
  symbol,
  side: z.enum(['buy', 'sell']),
  type: z.enum(['market', 'limit']),
  /** Limit price; null for market orders. */
  price: z.number().positive().nullable(),
  /** Contracts for perpetuals, base units for spot. */
  size: z.number().positive(),
  leverage: z.number().min(1).max(1000).nullable(),
  stopLoss: z.number().positive().nullable(),
  takeProfit: z.number().positive().nullable(),
  reduceOnly: z.boolean(),
})
export type ProposedOrder = z.infer<typeof ProposedOrderSchema>

/**
 * The trader's decision: the structured order schema of the briefs. "hold"
 * carries no orders; "open"/"close"/"adjust" carry at least one.
 */
export const TraderDecisionSchema = z.strictObject({
  strategyId: text(80),
  intent: z.enum(['open', 'close', 'adjust', 'hold']),
  orders: z.array(ProposedOrderSchema).max(4),
  /** Time to live of the orders, in seconds. */
  ttlSeconds: z.number().int().min(1).max(86_400),
  expectedEdgeBps: z.number().min(-10_000).max(10_000),
  slippageBps: z.number().min(0).max(10_000),
  confidence,
  rationale: text(2000),
})
export type TraderDecision = z.infer<typeof TraderDecisionSchema>

/** The risk officer reviews the trader's decision; it may veto, never add orders. */
export const RiskReviewSchema = z.strictObject({
  verdict: z.enum(['approve', 'veto']),
  concerns: z.array(text(400)).max(8),
  summary: text(1200),
})
export type RiskReview = z.infer<typeof RiskReviewSchema>

export const ROLE_OUTPUT_SCHEMAS = {
  news_collector: NewsDigestSchema,
  macro_trader: AnalystReportSchema,
  data_analyst: AnalystReportSchema,
  technical_analyst: AnalystReportSchema,
  order_flow_analyst: AnalystReportSchema,
  bull_analyst: DebateArgumentSchema,
  bear_analyst: DebateArgumentSchema,
  strategy_generator: StrategyIdeaSchema,
  trader: TraderDecisionSchema,
  risk_officer: RiskReviewSchema,
} as const satisfies Record<RoleId, z.ZodType>

export type RoleOutput<R extends RoleId> = z.infer<(typeof ROLE_OUTPUT_SCHEMAS)[R]>
