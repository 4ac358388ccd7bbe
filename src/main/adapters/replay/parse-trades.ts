import type { Trade } from '../../../shared/domain/market'
import { parseCsv } from './csv'
import { describe, isPositive, toNumber, toTimestamp } from './field-checks'
import { looksLikeJson } from './read-source'
import type { SkipReason, StatsCollector } from './replay-stats'

interface RawTrade {
  timestamp: unknown
  id: unknown
  side: unknown
  price: unknown
  amount: unknown
}

type Extracted = RawTrade | { reason: SkipReason; detail: string }

/**
 * Reads recorded public trades in any of the shapes we have recordings of:
 * freqtrade's JSON rows `[ts, id, type, side, price, amount, cost]`, ccxt's
 * trade objects `{timestamp, id, side, price, amount}`, and CSV with a header
 * naming those columns (extra columns such as pandas' index are ignored).
 * Each row is checked; bad, duplicate and out-of-order rows are counted in
 * the stats and dropped, so one bad line never stops a backtest.
 */
export function parseTradeRecording(text: string | readonly unknown[], venue: string, symbol: string, stats: StatsCollector): Trade[] {
  const out: Trade[] = []
  const seenIds = new Set<string>()
  let lastTimestamp = -Infinity

  const take = (row: number, extracted: Extracted): void => {
    stats.read()
    if ('reason' in extracted) return stats.skip(row, extracted.reason, extracted.detail)
    const { timestamp: rawTs, id: rawId, side, price: rawPrice, amount: rawAmount } = extracted
    const timestamp = toTimestamp(rawTs)
    if (timestamp === null) return stats.skip(row, 'invalid_timestamp', `expected epoch milliseconds, received ${describe(rawTs)}`)
    const price = toNumber(rawPrice)
    if (!isPositive(price)) return stats.skip(row, 'invalid_price', `expected a positive price, received ${describe(rawPrice)}`)
    const amount = toNumber(rawAmount)
    if (!isPositive(amount)) return stats.skip(row, 'invalid_amount', `expected a positive amount, received ${describe(rawAmount)}`)
    if (side !== 'buy' && side !== 'sell') return stats.skip(row, 'invalid_side', `expected "buy" or "sell", received ${describe(side)}`)
    if (timestamp < lastTimestamp) return stats.skip(row, 'out_of_order', `timestamp ${timestamp} is before the previous row's ${lastTimestamp}`)
    // A recording without ids still needs unique, stable ones for de-duplication downstream.
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : typeof rawId === 'number' ? String(rawId) : `row-${row}`
    if (seenIds.has(id)) return stats.skip(row, 'duplicate_id', `trade id ${id} appeared before`)
    seenIds.add(id)
    lastTimestamp = timestamp
    stats.accept(timestamp)
    out.push({ venue, symbol, id, price, amount, side, timestamp })
  }

  if (typeof text !== 'string') text.forEach((row, i) => take(i + 1, fromJsonRow(row)))
  else if (looksLikeJson(text)) {
    const rows = parseJsonArray(text)
    if (rows === null) take(1, { reason: 'malformed_row', detail: 'the file is not a JSON array' })
    else rows.forEach((row, i) => take(i + 1, fromJsonRow(row)))
  } else {
    const table = parseCsv(text)
    const col = (name: string): number => table.header.indexOf(name)
    const [ts, date, id, side, price, amount] = [col('timestamp'), col('date'), col('id'), col('side'), col('price'), col('amount')]
    if ((ts < 0 && date < 0) || side < 0 || price < 0 || amount < 0) {
      take(1, { reason: 'malformed_row', detail: `CSV header needs timestamp (or date), side, price and amount; found ${table.header.join(',')}` })
      return out
    }
    for (const { line, fields } of table.rows) {
      if (fields.length !== table.header.length) take(line, { reason: 'malformed_row', detail: `expected ${table.header.length} fields, found ${fields.length}` })
      else take(line, { timestamp: fields[ts >= 0 ? ts : date], id: id >= 0 ? fields[id] : undefined, side: fields[side], price: fields[price], amount: fields[amount] })
    }
  }
  return out
}

function fromJsonRow(row: unknown): Extracted {
  if (Array.isArray(row)) {
    if (row.length < 6) return { reason: 'malformed_row', detail: `expected [timestamp, id, type, side, price, amount, cost], received ${describe(row)}` }
    return { timestamp: row[0], id: row[1], side: row[3], price: row[4], amount: row[5] }
  }
  if (row !== null && typeof row === 'object') {
    const o = row as Record<string, unknown>
    return { timestamp: o.timestamp, id: o.id, side: o.side, price: o.price, amount: o.amount }
  }
  return { reason: 'malformed_row', detail: `expected a trade array or object, received ${describe(row)}` }
}

export function parseJsonArray(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value : null
  } catch {
    return null
  }
}
