import { z } from 'zod'

/** A venue is named by its ccxt id ('okx', 'binance', 'bybit') or 'sim' for the simulator. */
export const VenueIdSchema = z.string().min(1).max(40).regex(/^[a-z0-9_-]+$/)
export type VenueId = z.infer<typeof VenueIdSchema>

/** Symbols use ccxt's unified notation: 'BTC/USDT' spot, 'BTC/USDT:USDT' USDT-margined perpetual. */
export const SymbolSchema = z.string().min(3).max(64)
export type MarketSymbol = z.infer<typeof SymbolSchema>

export const MarketTypeSchema = z.enum(['spot', 'swap'])
export type MarketType = z.infer<typeof MarketTypeSchema>

export const TimeframeSchema = z.enum(['1m', '5m', '15m', '1h', '4h', '1d'])
export type Timeframe = z.infer<typeof TimeframeSchema>

export const TIMEFRAME_MS: Record<Timeframe, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
}

/** Trading rules of one market, from the venue's own market list. */
export const InstrumentSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  /** The venue's own id, e.g. OKX 'BTC-USDT-SWAP'. */
  venueSymbol: z.string(),
  type: MarketTypeSchema,
  base: z.string(),
  quote: z.string(),
  settle: z.string().nullable(),
  /** Base units per contract (1 for spot). Sizes are in contracts for swaps, base units for spot. */
  contractSize: z.number().positive(),
  /** Smallest price increment. */
  tickSize: z.number().positive(),
  /** Smallest size increment, in contracts (swap) or base units (spot). */
  stepSize: z.number().positive(),
  minSize: z.number().nonnegative(),
  maxSize: z.number().positive().nullable(),
  minNotional: z.number().nonnegative().nullable(),
  maxLeverage: z.number().positive().nullable(),
  active: z.boolean(),
})
export type Instrument = z.infer<typeof InstrumentSchema>

export const TickerSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  bid: z.number().nullable(),
  ask: z.number().nullable(),
  bidSize: z.number().nullable(),
  askSize: z.number().nullable(),
  last: z.number().nullable(),
  /** 24 h volume in base units, when the venue reports it. */
  baseVolume: z.number().nullable(),
  timestamp: z.number().int(),
})
export type Ticker = z.infer<typeof TickerSchema>

/** [price, size]; bids sorted high to low, asks low to high. */
export const BookLevelSchema = z.tuple([z.number(), z.number()])
export type BookLevel = z.infer<typeof BookLevelSchema>

export const OrderBookSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  bids: z.array(BookLevelSchema),
  asks: z.array(BookLevelSchema),
  /** Venue sequence number of the last applied update (OKX seqId), when the venue has one. */
  sequence: z.number().int().nullable(),
  timestamp: z.number().int(),
})
export type OrderBook = z.infer<typeof OrderBookSchema>

export const TradeSideSchema = z.enum(['buy', 'sell'])

export const TradeSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  id: z.string(),
  price: z.number().positive(),
  /** In contracts for swaps, base units for spot (the same unit as order sizes). */
  amount: z.number().positive(),
  /** The taker's side. */
  side: TradeSideSchema,
  timestamp: z.number().int(),
})
export type Trade = z.infer<typeof TradeSchema>

export const CandleSchema = z.strictObject({
  timestamp: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  /** In contracts for swaps, base units for spot. */
  volume: z.number().nonnegative(),
})
export type Candle = z.infer<typeof CandleSchema>

export const FundingRateSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  rate: z.number(),
  nextFundingTime: z.number().int().nullable(),
  timestamp: z.number().int(),
})
export type FundingRate = z.infer<typeof FundingRateSchema>

export const MarkPriceSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  markPrice: z.number().positive(),
  indexPrice: z.number().positive().nullable(),
  timestamp: z.number().int(),
})
export type MarkPrice = z.infer<typeof MarkPriceSchema>

/** Health of one market data stream. */
export const FeedStatusSchema = z.enum(['connecting', 'live', 'stale', 'reconnecting', 'closed'])
export type FeedStatus = z.infer<typeof FeedStatusSchema>
