import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { TIMEFRAME_MS, type Candle, type Timeframe, type Trade } from '../../../shared/domain/market'
import type { CandleKey, MarketStore } from '../../ports/market-store'
import { alignUp, missingRanges } from './candle-gaps'
import { openMarketDatabase } from './open-market-database'

interface CandleRow {
  ts: number
  open: number
  high: number
  low: number
  close: number
  volume: number
}

const NO_LIMIT = -1 // SQLite reads a negative LIMIT as none

/** Opens (creating or migrating) the market data file at `file` behind the kernel's MarketStore port. */
export function openMarketStore(file: string): MarketStore {
  mkdirSync(dirname(file), { recursive: true })
  const db = openMarketDatabase(file)

  const insertCandle = db.prepare(`
    INSERT INTO candles (venue, symbol, timeframe, ts, open, high, low, close, volume)
    VALUES (@venue, @symbol, @timeframe, @ts, @open, @high, @low, @close, @volume)
    ON CONFLICT (venue, symbol, timeframe, ts) DO UPDATE SET
      open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume
    -- Rewriting an identical row would count as a change; skipping it keeps the count honest.
    WHERE (open, high, low, close, volume) IS NOT (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume)`)
  const selectCandles = db.prepare(`
    SELECT ts, open, high, low, close, volume FROM candles
    WHERE venue = ? AND symbol = ? AND timeframe = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?`)
  const selectLatest = db.prepare(`
    SELECT ts, open, high, low, close, volume FROM candles
    WHERE venue = ? AND symbol = ? AND timeframe = ? ORDER BY ts DESC LIMIT 1`)
  const selectEdges = db.prepare(`
    SELECT min(ts) AS first, max(ts) AS last FROM candles
    WHERE venue = ? AND symbol = ? AND timeframe = ? AND ts >= ? AND ts < ?`)
  const selectJumps = db.prepare(`
    SELECT ts, next FROM (
      SELECT ts, lead(ts) OVER (ORDER BY ts) AS next FROM candles
      WHERE venue = ? AND symbol = ? AND timeframe = ? AND ts >= ? AND ts < ?
    ) WHERE next - ts > ?`)
  const insertTrade = db.prepare(`
    INSERT INTO trades (venue, symbol, id, ts, price, amount, side) VALUES (@venue, @symbol, @id, @timestamp, @price, @amount, @side)
    ON CONFLICT (venue, symbol, id) DO NOTHING`)
  const selectTrades = db.prepare(`
    SELECT venue, symbol, id, ts AS timestamp, price, amount, side FROM trades
    WHERE venue = ? AND symbol = ? AND ts >= ? AND ts < ? ORDER BY ts, id LIMIT ?`)

  const toCandle = (row: CandleRow): Candle => ({ timestamp: row.ts, open: row.open, high: row.high, low: row.low, close: row.close, volume: row.volume })

  const writeCandles = db.transaction((key: CandleKey, candles: readonly Candle[]) => {
    let written = 0
    for (const c of candles) written += insertCandle.run({ ...key, ts: c.timestamp, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume }).changes
    return written
  })
  const writeTrades = db.transaction((trades: readonly Trade[]) => {
    let written = 0
    for (const t of trades) written += insertTrade.run(t).changes
    return written
  })

  let open = true
  return {
    upsertCandles(key, candles) {
      const ms = TIMEFRAME_MS[key.timeframe]
      for (const c of candles) checkCandle(c, key.timeframe, ms)
      return writeCandles(key, candles)
    },
    candles: (key, from, to, limit) => (selectCandles.all(key.venue, key.symbol, key.timeframe, from, to, limit ?? NO_LIMIT) as CandleRow[]).map(toCandle),
    latestCandle(key) {
      const row = selectLatest.get(key.venue, key.symbol, key.timeframe) as CandleRow | undefined
      return row ? toCandle(row) : null
    },
    missingCandleRanges(key, from, to) {
      const ms = TIMEFRAME_MS[key.timeframe]
      const start = alignUp(from, ms)
      const stop = alignUp(to, ms)
      const args = [key.venue, key.symbol, key.timeframe, start, stop] as const
      const edges = selectEdges.get(...args) as { first: number | null; last: number | null }
      const jumps = selectJumps.all(...args, ms) as { ts: number; next: number }[]
      return missingRanges(start, stop, ms, edges.first, edges.last, jumps)
    },
    upsertTrades(trades) {
      for (const t of trades) checkTrade(t)
      return writeTrades(trades)
    },
    trades: (venue, symbol, from, to, limit) => selectTrades.all(venue, symbol, from, to, limit ?? NO_LIMIT) as Trade[],
    close() {
      if (!open) return
      open = false
      db.close()
    },
  }
}

// The store is a trust boundary for whatever a venue adapter hands it: refuse rows that would poison later reads.
function checkCandle(c: Candle, timeframe: Timeframe, ms: number): void {
  const numbers = [c.open, c.high, c.low, c.close, c.volume]
  if (!Number.isInteger(c.timestamp) || c.timestamp % ms !== 0) throw new RangeError(`Candle timestamp ${c.timestamp} is not on the ${timeframe} grid`)
  if (!numbers.every(Number.isFinite)) throw new RangeError(`Candle at ${c.timestamp} has a non-finite value: ${JSON.stringify(c)}`)
  if (c.high < Math.max(c.open, c.close) || c.low > Math.min(c.open, c.close)) throw new RangeError(`Candle at ${c.timestamp} has high/low not enclosing open/close: ${JSON.stringify(c)}`)
}

function checkTrade(t: Trade): void {
  if (!Number.isInteger(t.timestamp) || !(t.price > 0) || !(t.amount > 0) || (t.side !== 'buy' && t.side !== 'sell') || t.id === '') {
    throw new RangeError(`Trade is not storable (expected an integer timestamp, positive price and amount, side buy or sell, an id): ${JSON.stringify(t)}`)
  }
}
