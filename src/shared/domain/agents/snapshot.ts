import { z } from 'zod'
import { AccountIdSchema } from '../account'
import { BookLevelSchema, CandleSchema, SymbolSchema, TimeframeSchema, VenueIdSchema } from '../market'

/** Indicators of one timeframe, computed from its closed candles; null where history is too short. */
export const IndicatorSetSchema = z.strictObject({
  rsi14: z.number().nullable(),
  ema20: z.number().nullable(),
  ema50: z.number().nullable(),
  macd: z.strictObject({ macd: z.number(), signal: z.number(), histogram: z.number() }).nullable(),
  atr14: z.number().nullable(),
  bollinger: z.strictObject({ upper: z.number(), middle: z.number(), lower: z.number() }).nullable(),
  donchian20: z.strictObject({ high: z.number(), low: z.number() }).nullable(),
})
export type IndicatorSet = z.infer<typeof IndicatorSetSchema>

export const SNAPSHOT_TIMEFRAMES = ['1m', '15m', '1h', '4h'] as const satisfies readonly z.infer<typeof TimeframeSchema>[]
/** Candles per timeframe kept in a snapshot: enough for the slowest indicator (EMA 50) and a view of the trend. */
export const SNAPSHOT_CANDLES = 60
export const SNAPSHOT_BOOK_LEVELS = 10

export const SymbolSnapshotSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  last: z.number().positive(),
  bid: z.number().positive().nullable(),
  ask: z.number().positive().nullable(),
  mark: z.number().positive().nullable(),
  change24hPct: z.number().nullable(),
  book: z.strictObject({ bids: z.array(BookLevelSchema), asks: z.array(BookLevelSchema) }),
  candles: z.partialRecord(TimeframeSchema, z.array(CandleSchema)),
  indicators: z.partialRecord(TimeframeSchema, IndicatorSetSchema),
  funding: z.strictObject({ rate: z.number(), nextFundingTime: z.number().int().nullable() }).nullable(),
  /** Contract size and steps, so a model can size in contracts. */
  contractSize: z.number().positive(),
  amountStep: z.number().positive(),
  priceStep: z.number().positive(),
  minAmount: z.number().nonnegative(),
})
export type SymbolSnapshot = z.infer<typeof SymbolSnapshotSchema>

/**
 * The market as every pilot of one cycle sees it, frozen once and hashed.
 * Pilots differ only by their account view, which is hashed with it into
 * each decision's input.
 */
export const MarketSnapshotSchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  takenAt: z.number().int(),
  symbols: z.array(SymbolSnapshotSchema),
})
export type MarketSnapshot = z.infer<typeof MarketSnapshotSchema>

/** One pilot's account as it enters a decision: balance, positions and the limits it must respect. */
export const AccountViewSchema = z.strictObject({
  accountId: AccountIdSchema,
  currency: z.string(),
  equity: z.number(),
  available: z.number(),
  positions: z.array(
    z.strictObject({ symbol: SymbolSchema, side: z.enum(['long', 'short']), contracts: z.number(), entryPrice: z.number(), unrealizedPnl: z.number(), leverage: z.number().nullable() }),
  ),
  limits: z.strictObject({
    maxOrderNotional: z.number(),
    maxPositionNotional: z.number(),
    maxLeverage: z.number(),
    slippageTolerancePct: z.number(),
    priceBandPct: z.number(),
    defaultTtlSeconds: z.number().int(),
  }),
})
export type AccountView = z.infer<typeof AccountViewSchema>
