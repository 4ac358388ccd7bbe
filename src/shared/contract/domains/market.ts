import { z } from 'zod'
import {
  BookLevelSchema,
  CandleSchema,
  FeedStatusSchema,
  InstrumentSchema,
  SymbolSchema,
  TickerSchema,
  TimeframeSchema,
  TradeSchema,
  VenueIdSchema,
} from '../../domain/market'
import { VenueDescriptorSchema } from '../../domain/venue'
import { command, event } from '../define'

/** The streams a renderer may watch; funding and mark prices join when a page needs them. */
export const WatchStreamSchema = z.enum(['ticker', 'book', 'trades', 'candles'], {
  error: (issue) => `stream must be one of ticker, book, trades, candles; received ${JSON.stringify(issue.input)}`,
})
export type WatchStream = z.infer<typeof WatchStreamSchema>

/** The domain enum with an error a trader can read: the default names no allowed value. */
export const TimeframeInputSchema = z.enum(TimeframeSchema.options, {
  error: (issue) => `timeframe must be one of ${TimeframeSchema.options.join(', ')}; received ${JSON.stringify(issue.input)}`,
})

/** Deepest book a watch may ask for; the ladder shows 15 levels a side. */
export const MAX_BOOK_DEPTH = 50
export const DEFAULT_BOOK_DEPTH = 20

/** Public market data needs no key, so "connected" only means the market list has loaded. */
export const VenueConnectionSchema = z.enum(['idle', 'connecting', 'connected', 'failed'])
export type VenueConnection = z.infer<typeof VenueConnectionSchema>

export const VenueStatusSchema = VenueDescriptorSchema.extend({
  connection: VenueConnectionSchema,
  /** Why the last connection attempt failed, when it did. */
  detail: z.string().nullable(),
})
export type VenueStatus = z.infer<typeof VenueStatusSchema>

const VenueInputSchema = z.strictObject({ venue: VenueIdSchema })

export const WatchInputSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  streams: z
    .array(WatchStreamSchema)
    .min(1, { error: 'streams must name at least one of ticker, book, trades, candles' })
    .refine((streams) => new Set(streams).size === streams.length, { error: 'streams must not repeat a stream' }),
  timeframe: TimeframeInputSchema,
  depth: z.number().int().min(1).max(MAX_BOOK_DEPTH).optional(),
})
export type WatchInput = z.infer<typeof WatchInputSchema>

export const WatchResultSchema = z.strictObject({
  watchId: z.string(),
  instrument: InstrumentSchema,
  /** Closed and current candles of `timeframe`, oldest first: what a chart draws before live updates. */
  history: z.array(CandleSchema),
})
export type WatchResult = z.infer<typeof WatchResultSchema>

export const BookUpdateSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  /** Best first on both sides, cut to the deepest depth any current watcher asked for. */
  bids: z.array(BookLevelSchema),
  asks: z.array(BookLevelSchema),
  sequence: z.number().int().nullable(),
  timestamp: z.number().int(),
})
export type BookUpdate = z.infer<typeof BookUpdateSchema>

export const TradesPrintedSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  /** Oldest first: every trade since the previous batch, up to the batch limit. */
  trades: z.array(TradeSchema),
  /** Trades left out of this batch because a burst exceeded the limit (the oldest go first). */
  dropped: z.number().int().nonnegative(),
})
export type TradesPrinted = z.infer<typeof TradesPrintedSchema>

export const CandleUpdateSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  timeframe: TimeframeSchema,
  /** The bar as it stands now; the same timestamp again replaces it, a new one opens the next bar. */
  candle: CandleSchema,
})
export type CandleUpdate = z.infer<typeof CandleUpdateSchema>

export const FeedStatusChangeSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  stream: WatchStreamSchema,
  /** Set for the candle stream only. */
  timeframe: TimeframeSchema.nullable(),
  status: FeedStatusSchema,
  detail: z.string().nullable(),
  at: z.number().int(),
})
export type FeedStatusChange = z.infer<typeof FeedStatusChangeSchema>

export const marketCommands = {
  'market.listVenues': command({
    summary: 'Every configured venue with its capabilities, whether it is simulated, and its connection state',
    input: z.void(),
    output: z.array(VenueStatusSchema),
  }),
  'market.listMarkets': command({
    summary: "A venue's markets with their trading rules; connects first when needed",
    input: VenueInputSchema,
    output: z.array(InstrumentSchema),
  }),
  'market.connect': command({
    summary: "Loads a venue's market list (public data needs no key) and returns its state",
    input: VenueInputSchema,
    output: VenueStatusSchema,
  }),
  'market.watch': command({
    summary: 'Starts live streams of one symbol and returns the candle history to draw first',
    input: WatchInputSchema,
    output: WatchResultSchema,
  }),
  'market.unwatch': command({
    summary: 'Ends a watch; idempotent, so an unknown or already ended id answers released: false',
    input: z.strictObject({ watchId: z.string().min(1).max(80) }),
    output: z.strictObject({ watchId: z.string(), released: z.boolean() }),
  }),
} as const

export const marketEvents = {
  'market.tickerUpdated': event({
    summary: 'The latest ticker of a watched symbol, at most once per frame',
    payload: TickerSchema,
  }),
  'market.bookUpdated': event({
    summary: 'The latest top of book of a watched symbol, at most once per frame',
    payload: BookUpdateSchema,
  }),
  'market.tradesPrinted': event({
    summary: 'Trades of a watched symbol printed since the last batch, at most one batch per frame',
    payload: TradesPrintedSchema,
  }),
  'market.candleUpdated': event({
    summary: 'The current bar of a watched symbol and timeframe, at most once per frame per bar',
    payload: CandleUpdateSchema,
  }),
  'market.feedStatusChanged': event({
    summary: 'A watched stream went live, stale, reconnecting or closed',
    payload: FeedStatusChangeSchema,
  }),
} as const
