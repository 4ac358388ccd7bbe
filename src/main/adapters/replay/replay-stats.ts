export type SkipReason =
  | 'malformed_row'
  | 'invalid_timestamp'
  | 'invalid_price'
  | 'invalid_amount'
  | 'invalid_side'
  | 'inconsistent_ohlc'
  | 'misaligned_timestamp'
  | 'duplicate_id'
  | 'duplicate_timestamp'
  | 'out_of_order'

export interface SkippedRow {
  /** 1-based position: the line for CSV, the array index + 1 for JSON. */
  row: number
  reason: SkipReason
  detail: string
}

/** What a replay read and did; bad rows are counted here, never thrown. */
export interface ReplayStats {
  source: string
  kind: 'trades' | 'candles'
  rowsRead: number
  rowsAccepted: number
  rowsSkipped: number
  skipped: Partial<Record<SkipReason, number>>
  /** The first few skipped rows, so a trader can find them in the file. */
  examples: SkippedRow[]
  firstTimestamp: number | null
  lastTimestamp: number | null
  /** Market events handed to streams (one per stream, however many listeners it has). */
  eventsEmitted: number
  finished: boolean
}

const MAX_EXAMPLES = 20

export interface StatsCollector {
  readonly stats: ReplayStats
  read(): void
  accept(timestamp: number): void
  skip(row: number, reason: SkipReason, detail: string): void
}

export function createStatsCollector(source: string, kind: ReplayStats['kind']): StatsCollector {
  const stats: ReplayStats = {
    source,
    kind,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsSkipped: 0,
    skipped: {},
    examples: [],
    firstTimestamp: null,
    lastTimestamp: null,
    eventsEmitted: 0,
    finished: false,
  }
  return {
    stats,
    read: () => void stats.rowsRead++,
    accept(timestamp) {
      stats.rowsAccepted++
      stats.firstTimestamp ??= timestamp
      stats.lastTimestamp = timestamp
    },
    skip(row, reason, detail) {
      stats.rowsSkipped++
      stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1
      if (stats.examples.length < MAX_EXAMPLES) stats.examples.push({ row, reason, detail })
    },
  }
}
