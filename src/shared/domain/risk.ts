import { z } from 'zod'

/** Machine-readable reasons for a risk verdict; the message says it for people. */
export const RiskReasonCodeSchema = z.enum([
  'unknown_symbol',
  'symbol_denied',
  'symbol_not_allowed',
  'invalid_size',
  'invalid_price',
  'size_below_minimum',
  'size_above_maximum',
  'notional_above_cap',
  'notional_above_equity_share',
  'position_above_cap',
  'gross_exposure_above_cap',
  'leverage_above_cap',
  'price_outside_band',
  'slippage_above_tolerance',
  'order_rate_exceeded',
  'duplicate_intent',
  'market_data_stale',
  'market_data_missing',
  'breaker_reducing',
  'breaker_halted',
  'live_trading_disabled',
  'account_unknown',
])
export type RiskReasonCode = z.infer<typeof RiskReasonCodeSchema>

export const RiskReasonSchema = z.strictObject({
  code: RiskReasonCodeSchema,
  message: z.string(),
  limit: z.number().nullable(),
  actual: z.number().nullable(),
})
export type RiskReason = z.infer<typeof RiskReasonSchema>

/** What the order would likely do, estimated from the current book. */
export const ExecutionEstimateSchema = z.strictObject({
  notional: z.number(),
  referencePrice: z.number().nullable(),
  averagePrice: z.number().nullable(),
  slippagePct: z.number().nullable(),
  /** Share of the size the visible book can fill at once (1 = all of it). */
  fillProbability: z.number().min(0).max(1).nullable(),
})
export type ExecutionEstimate = z.infer<typeof ExecutionEstimateSchema>

export const RiskVerdictSchema = z.strictObject({
  intentId: z.string(),
  decision: z.enum(['accept', 'reject']),
  reasons: z.array(RiskReasonSchema),
  estimate: ExecutionEstimateSchema,
  /** Accepted but risky enough to need two approvals before it is sent. */
  needsApproval: z.boolean(),
  configVersion: z.number().int().nonnegative(),
  evaluatedAt: z.number().int(),
})
export type RiskVerdict = z.infer<typeof RiskVerdictSchema>

/** Trading state of the whole desk, an account or a pilot. */
export const BreakerStateSchema = z.enum(['active', 'reducing', 'halted'])
export type BreakerState = z.infer<typeof BreakerStateSchema>

const pct = z.number().min(0).max(100)

/** The risk rules, validated and versioned; edited from the UI. */
export const RiskConfigSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  allowSymbols: z.array(z.string()).max(500),
  denySymbols: z.array(z.string()).max(500),
  maxOrderNotional: z.number().positive(),
  /** Largest order as a share of account equity, in percent (default 1). */
  maxOrderEquityPct: pct,
  maxPositionNotional: z.number().positive(),
  maxGrossExposure: z.number().positive(),
  maxLeverage: z.number().min(1).max(125),
  /** Limit prices further than this from the mark are refused, in percent. */
  priceBandPct: pct,
  slippageTolerancePct: pct,
  maxOrdersPerSecond: z.number().positive(),
  duplicateWindowMs: z.number().int().nonnegative(),
  staleAfterMs: z.number().int().positive(),
  /** Orders above this notional need two approvals. */
  approvalNotional: z.number().positive(),
  breakers: z.strictObject({
    dailyDrawdownPct: pct,
    peakDrawdownPct: pct,
    maxConsecutiveLosses: z.number().int().positive(),
    apiErrorRatePct: pct,
    volatilityPctPerMinute: pct,
    disconnectMs: z.number().int().positive(),
  }),
})
export type RiskConfig = z.infer<typeof RiskConfigSchema>

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  version: 1,
  allowSymbols: [],
  denySymbols: [],
  maxOrderNotional: 5_000,
  maxOrderEquityPct: 1,
  maxPositionNotional: 20_000,
  maxGrossExposure: 50_000,
  maxLeverage: 10,
  priceBandPct: 2,
  slippageTolerancePct: 0.5,
  maxOrdersPerSecond: 5,
  duplicateWindowMs: 10_000,
  staleAfterMs: 5_000,
  approvalNotional: 2_000,
  breakers: {
    dailyDrawdownPct: 5,
    peakDrawdownPct: 15,
    maxConsecutiveLosses: 5,
    apiErrorRatePct: 20,
    volatilityPctPerMinute: 3,
    disconnectMs: 30_000,
  },
}
