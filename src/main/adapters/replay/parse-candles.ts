import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../../shared/domain/market'
import { VenueError } from '../../ports/venue-error'
import { parseCsv } from './csv'
import { describe, isPositive, toNumber, toTimestamp } from './field-checks'
import { parseJsonArray } from './parse-trades'
import { looksLikeJson } from './read-source'
import type { SkipReason, StatsCollector } from './replay-stats'

type Extracted = { timestamp: unknown; values: unknown[] } | { reason: SkipReason; detail: string }
interface Candidate {
  row: number
  candle: Candle
}

/**
 * Reads recorded OHLCV: ccxt's `[[ts, open, high, low, close, volume], ...]`
 * (what freqtrade stores) or CSV with those column names. Rows are checked
 * (positive prices, high and low enclosing open and close), out-of-order and
 * repeated timestamps are dropped, and the timeframe is the one given or the
 * smallest spacing between candles (recordings have gaps, never overlaps).
 */
export function parseCandleRecording(venue: string, text: string | readonly unknown[], stats: StatsCollector, timeframe?: Timeframe): { candles: Candle[]; timeframe: Timeframe } {
  const candidates: Candidate[] = []
  let lastTimestamp = -Infinity

  const take = (row: number, extracted: Extracted): void => {
    stats.read()
    if ('reason' in extracted) return stats.skip(row, extracted.reason, extracted.detail)
    const timestamp = toTimestamp(extracted.timestamp)
    if (timestamp === null) return stats.skip(row, 'invalid_timestamp', `expected epoch milliseconds, received ${describe(extracted.timestamp)}`)
    const [open, high, low, close, volume] = extracted.values.map(toNumber) as [number, number, number, number, number]
    if (![open, high, low, close].every(isPositive)) return stats.skip(row, 'invalid_price', `expected positive open, high, low, close, received ${describe(extracted.values.slice(0, 4))}`)
    if (!(Number.isFinite(volume) && volume >= 0)) return stats.skip(row, 'invalid_amount', `expected a volume of 0 or more, received ${describe(extracted.values[4])}`)
    if (high < Math.max(open, close) || low > Math.min(open, close)) {
      return stats.skip(row, 'inconsistent_ohlc', `high ${high} and low ${low} must enclose open ${open} and close ${close}`)
    }
    if (timestamp < lastTimestamp) return stats.skip(row, 'out_of_order', `timestamp ${timestamp} is before the previous row's ${lastTimestamp}`)
    if (timestamp === lastTimestamp) return stats.skip(row, 'duplicate_timestamp', `a candle at ${timestamp} appeared before`)
    lastTimestamp = timestamp
    candidates.push({ row, candle: { timestamp, open, high, low, close, volume } })
  }

  if (typeof text !== 'string') text.forEach((row, i) => take(i + 1, fromJsonRow(row)))
  else if (looksLikeJson(text)) {
    const rows = parseJsonArray(text)
    if (rows === null) take(1, { reason: 'malformed_row', detail: 'the file is not a JSON array' })
    else rows.forEach((row, i) => take(i + 1, fromJsonRow(row)))
  } else {
    const table = parseCsv(text)
    const col = (name: string): number => table.header.indexOf(name)
    const ts = col('timestamp') >= 0 ? col('timestamp') : col('date')
    const columns = ['open', 'high', 'low', 'close', 'volume'].map(col)
    if (ts < 0 || columns.some((c) => c < 0)) {
      take(1, { reason: 'malformed_row', detail: `CSV header needs timestamp (or date), open, high, low, close and volume; found ${table.header.join(',')}` })
    } else {
      for (const { line, fields } of table.rows) {
        if (fields.length !== table.header.length) take(line, { reason: 'malformed_row', detail: `expected ${table.header.length} fields, found ${fields.length}` })
        else take(line, { timestamp: fields[ts], values: columns.map((c) => fields[c]) })
      }
    }
  }

  const resolved = timeframe ?? inferTimeframe(venue, candidates)
  const ms = TIMEFRAME_MS[resolved]
  const candles: Candle[] = []
  for (const { row, candle } of candidates) {
    if (candle.timestamp % ms !== 0) stats.skip(row, 'misaligned_timestamp', `${candle.timestamp} is not on the ${resolved} grid`)
    else {
      stats.accept(candle.timestamp)
      candles.push(candle)
    }
  }
  return { candles, timeframe: resolved }
}

function fromJsonRow(row: unknown): Extracted {
  if (Array.isArray(row) && row.length >= 6) return { timestamp: row[0], values: row.slice(1, 6) }
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    const o = row as Record<string, unknown>
    return { timestamp: o.timestamp, values: [o.open, o.high, o.low, o.close, o.volume] }
  }
  return { reason: 'malformed_row', detail: `expected [timestamp, open, high, low, close, volume], received ${describe(row)}` }
}

function inferTimeframe(venue: string, candidates: readonly Candidate[]): Timeframe {
  let spacing = Infinity
  for (let i = 1; i < candidates.length; i++) spacing = Math.min(spacing, candidates[i]!.candle.timestamp - candidates[i - 1]!.candle.timestamp)
  const match = (Object.entries(TIMEFRAME_MS) as [Timeframe, number][]).find(([, ms]) => ms === spacing)
  if (match) return match[0]
  const found = Number.isFinite(spacing) ? `candles ${spacing} ms apart` : 'fewer than two valid candles'
  throw new VenueError('unsupported', venue, `Cannot tell the recording's timeframe: found ${found}, expected one of ${Object.keys(TIMEFRAME_MS).join(', ')}; pass source.timeframe`)
}
