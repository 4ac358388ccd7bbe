import { z } from 'zod'
import { SymbolSchema, TimeframeSchema, VenueIdSchema } from '../../domain/market'
import { command, event } from '../define'
import { TimeframeInputSchema } from './market'

/**
 * Candle history downloads into the local market data file. Kept beside
 * market.ts (same `market.` channel names) so neither file grows past one job.
 */

/** The most candles one download may cover: a year of hourly candles, ten weeks of 1-minute ones. */
export const MAX_DOWNLOAD_CANDLES = 100_000

const TimeSchema = z.number().int().nonnegative()

export const DownloadHistoryInputSchema = z
  .strictObject({
    venue: VenueIdSchema,
    symbol: SymbolSchema,
    timeframe: TimeframeInputSchema,
    /** Start of the range in ms since the epoch; rounded up to the timeframe. */
    from: TimeSchema,
    /** End of the range, exclusive: only candles closed by then are stored. Not later than the kernel's now. */
    to: TimeSchema,
  })
  .refine((input) => input.from < input.to, { error: 'from must be before to', path: ['to'] })
export type DownloadHistoryInput = z.infer<typeof DownloadHistoryInputSchema>

export const DownloadStatusSchema = z.enum(['running', 'completed', 'failed', 'cancelled'])
export type DownloadStatus = z.infer<typeof DownloadStatusSchema>

export const HistoryDownloadSchema = z.strictObject({
  downloadId: z.string(),
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  timeframe: TimeframeSchema,
  from: TimeSchema,
  to: TimeSchema,
  status: DownloadStatusSchema,
  /** Candle buckets of the range accounted for: already stored, downloaded, or found missing at the venue. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Candles received from the venue by this download. */
  fetched: z.number().int().nonnegative(),
  /** Buckets still not stored when the download ended (the venue has no candles there); 0 while running. */
  missing: z.number().int().nonnegative(),
  /** Why it failed, for status failed; null otherwise. */
  error: z.string().nullable(),
  startedAt: TimeSchema,
  endedAt: TimeSchema.nullable(),
})
export type HistoryDownload = z.infer<typeof HistoryDownloadSchema>

const DownloadIdSchema = z.string().min(1).max(80)

export const marketHistoryCommands = {
  'market.downloadHistory': command({
    summary: 'Starts downloading candles of a range into the local market data file; answers the running download of the same market and timeframe if there is one',
    input: DownloadHistoryInputSchema,
    output: z.strictObject({ downloadId: z.string() }),
  }),
  'market.cancelDownload': command({
    summary: 'Stops a running download, keeping what it stored; idempotent, so an unknown or finished id answers cancelled: false',
    input: z.strictObject({ downloadId: DownloadIdSchema }),
    output: z.strictObject({ downloadId: z.string(), cancelled: z.boolean() }),
  }),
  'market.listDownloads': command({
    summary: 'Running downloads and the most recent finished ones, newest first',
    input: z.void(),
    output: z.array(HistoryDownloadSchema),
  }),
} as const

export type MarketHistoryCommandName = keyof typeof marketHistoryCommands

export const marketHistoryEvents = {
  'market.historyProgressed': event({
    summary: 'Progress of a history download, at most every 250 ms while it runs, plus one final event when it completes, fails or is cancelled',
    payload: HistoryDownloadSchema,
  }),
} as const
