import { z } from 'zod'
import { BreakerStateSchema } from '../../../../shared/domain/risk'

/**
 * The persisted shape of one breaker. Everything the machine knows lives in
 * this plain, JSON-safe object so that the kernel can store it after every
 * change and a halt survives a restart.
 */

export const BreakerScopeSchema = z.enum(['desk', 'account', 'pilot'])
export type BreakerScope = z.infer<typeof BreakerScopeSchema>

/** What tripped: one per input family, plus a person or a kill switch halting by hand. */
export const BreakerRuleSchema = z.enum(['daily_drawdown', 'peak_drawdown', 'consecutive_losses', 'api_error_rate', 'volatility', 'book_anomaly', 'disconnected', 'manual'])
export type BreakerRule = z.infer<typeof BreakerRuleSchema>

export const TripTierSchema = z.enum(['reducing', 'halted'])
export type TripTier = z.infer<typeof TripTierSchema>

export const BreakerTripSchema = z.strictObject({
  rule: BreakerRuleSchema,
  tier: TripTierSchema,
  message: z.string(),
  limit: z.number().nullable(),
  actual: z.number().nullable(),
})
export type BreakerTrip = z.infer<typeof BreakerTripSchema>

/** What a book looked like when last checked; see `classifyBook`. */
export const BookConditionSchema = z.enum(['ok', 'crossed', 'empty', 'stale'])
export type BookCondition = z.infer<typeof BookConditionSchema>

const time = z.number().int()

export const BreakerMetricsSchema = z.strictObject({
  /** Start of the UTC day the day's drawdown is measured in, and the equity first seen in it. */
  dayStart: time.nullable(),
  dayStartEquity: z.number().nullable(),
  peakEquity: z.number().nullable(),
  lastEquity: z.number().nullable(),
  consecutiveLosses: z.number().int().nonnegative(),
  /** [time, 1 when the call succeeded else 0], inside the error-rate window. */
  apiCalls: z.array(z.tuple([time, z.union([z.literal(0), z.literal(1)])])),
  /** Per symbol, [time, mark price] inside the volatility window. */
  marks: z.array(z.strictObject({ symbol: z.string(), samples: z.array(z.tuple([time, z.number()])) })),
  /** Symbols whose book is currently anomalous, and since when. */
  bookAnomalies: z.array(z.strictObject({ symbol: z.string(), condition: BookConditionSchema.exclude(['ok']), since: time })),
  disconnectedSince: time.nullable(),
})
export type BreakerMetrics = z.infer<typeof BreakerMetricsSchema>

export const BreakerMachineStateSchema = z.strictObject({
  scope: BreakerScopeSchema,
  scopeId: z.string().min(1),
  state: BreakerStateSchema,
  /** Latched: set when a halted tier trips or someone halts by hand, cleared only by a person. */
  halt: z.strictObject({ at: time, by: z.enum(['breaker', 'human', 'kill_switch', 'restore']), reasons: z.array(BreakerTripSchema) }).nullable(),
  /** A pause stops new exposure like a reducing breaker, but is a person's choice, not a trip. */
  paused: z.strictObject({ at: time, by: z.string(), reason: z.string() }).nullable(),
  /** Conditions tripped right now, from the latest inputs. */
  trips: z.array(BreakerTripSchema),
  metrics: BreakerMetricsSchema,
  updatedAt: time,
})
export type BreakerMachineState = z.infer<typeof BreakerMachineStateSchema>

/** What the kernel feeds a breaker. Every input carries its time; none reads a clock. */
export type BreakerInput =
  | { readonly kind: 'equity'; readonly at: number; readonly equity: number }
  | { readonly kind: 'trade_closed'; readonly at: number; readonly pnl: number }
  | { readonly kind: 'api_call'; readonly at: number; readonly ok: boolean }
  | { readonly kind: 'mark'; readonly at: number; readonly symbol: string; readonly price: number }
  | { readonly kind: 'book'; readonly at: number; readonly symbol: string; readonly condition: BookCondition }
  | { readonly kind: 'connection'; readonly at: number; readonly connected: boolean }
  /** Time passing with nothing else to report, so durations (a disconnection) can trip. */
  | { readonly kind: 'tick'; readonly at: number }

export interface BreakerTransition {
  readonly scope: BreakerScope
  readonly scopeId: string
  readonly from: z.infer<typeof BreakerStateSchema>
  readonly to: z.infer<typeof BreakerStateSchema>
  readonly at: number
  readonly reasons: readonly BreakerTrip[]
}
