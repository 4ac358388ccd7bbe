import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createReplayClient, type ReplaySource } from '../../../src/main/adapters/replay'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { Trade } from '../../../src/shared/domain/market'
import { makeTempDir } from '../../support/temp-dir'

const T = 1_700_000_000_000

async function replay(source: ReplaySource): Promise<{ trades: Trade[]; stats: ReturnType<ReturnType<typeof createReplayClient>['stats']> }> {
  const client = createReplayClient({ clock: createTestClock(0), venue: 'binance', symbol: 'ETH/USDT:USDT', source, mode: { kind: 'full' } })
  const trades: Trade[] = []
  if (source.kind === 'trades') await client.subscribe({ kind: 'trades', symbol: 'ETH/USDT:USDT' }, (e) => e.kind === 'trades' && trades.push(...e.trades))
  await client.run()
  return { trades, stats: client.stats() }
}

const CSV = [
  ',timestamp,id,type,side,price,amount,cost,date',
  `0,${T},1,,buy,1666.8,26.062,1,x`,
  `1,${T + 5},2,,sell,1666.79,0.152,1,x`,
  `2,${T + 6},3,,buy,1666.8`, // too few fields
  `3,${T + 7},4,,buy,abc,1,1,x`, // price is not a number
  `4,${T + 8},5,,buy,1666.8,,1,x`, // empty amount is not zero
  `5,${T + 9},6,,hold,1666.8,1,1,x`, // no such side
  `6,${Math.floor(T / 1000)},7,,buy,1666.8,1,1,x`, // seconds, not milliseconds
  `7,${T + 2},8,,buy,1666.8,1,1,x`, // before the previous accepted row
  `8,${T + 10},2,,sell,1666.7,1,1,x`, // repeated id
  '',
  `9,${T + 11},9,,sell,-1666.7,1,1,x`, // negative price
  `10,${T + 12},10,,sell,1666.7,-3,1,x`, // negative amount
  `11,"${T + 13}",11,,buy,1666.9,0.5,1,"2023-02-02 09:20:00.138000+00:00"`, // quoted fields are fine
].join('\n')

describe('replay input validation', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('counts every malformed CSV row by reason, with line numbers, and replays the rest', async () => {
    const { trades, stats } = await replay({ kind: 'trades', text: CSV })
    expect(trades.map((t) => t.id)).toEqual(['1', '2', '11'])
    expect(stats).toMatchObject({ rowsRead: 12, rowsAccepted: 3, rowsSkipped: 9, finished: true })
    expect(stats.skipped).toEqual({ malformed_row: 1, invalid_price: 2, invalid_amount: 2, invalid_side: 1, invalid_timestamp: 1, out_of_order: 1, duplicate_id: 1 })
    expect(stats.examples[0]).toEqual({ row: 4, reason: 'malformed_row', detail: 'expected 9 fields, found 6' })
    expect(stats.examples.find((e) => e.reason === 'invalid_timestamp')!.detail).toMatch(/expected epoch milliseconds, received "1700000000"/)
    expect(stats.examples.find((e) => e.reason === 'out_of_order')).toMatchObject({ row: 9 })
  })

  it('reads the same CSV from a gzipped file, whatever its name', async () => {
    const path = join(dir.path, 'trades.dat')
    writeFileSync(path, gzipSync(CSV))
    const { trades, stats } = await replay({ kind: 'trades', path })
    expect(trades).toHaveLength(3)
    expect(stats.source).toBe(path)
  })

  it('accepts ccxt trade objects and freqtrade rows, and counts rows of neither shape', async () => {
    const rows = [
      { timestamp: T, id: 'a', side: 'buy', price: 10, amount: 1 },
      [T + 1, 'b', null, 'sell', 10.1, 2, 20.2],
      [T + 2, 42, null, 'buy', 10.2, 3, 30.6],
      null,
      'garbage',
      [T + 3, 'c', null, 'buy'],
      { timestamp: T + 4, side: 'sell', price: 10, amount: 1 },
    ]
    const { trades, stats } = await replay({ kind: 'trades', rows })
    expect(trades.map((t) => t.id)).toEqual(['a', 'b', '42', 'row-7'])
    expect(stats.skipped).toEqual({ malformed_row: 3 })
    const { stats: broken } = await replay({ kind: 'trades', text: '[{"timestamp": 1' })
    expect(broken).toMatchObject({ rowsRead: 1, rowsSkipped: 1, skipped: { malformed_row: 1 } })
    const { stats: badHeader } = await replay({ kind: 'trades', text: 'time,px,qty\n1,2,3' })
    expect(badHeader.examples[0]!.detail).toMatch(/CSV header needs timestamp/)
  })

  it('checks candles: enclosing high and low, order, duplicates, grid alignment', async () => {
    const m = 60_000
    const base = Math.ceil(T / m) * m
    const rows = [
      [base, 10, 11, 9, 10.5, 100],
      [base + m, 10.5, 10, 9, 10.2, 100], // high below open
      [base + m, 10.5, 11, 9, 10.2, 100],
      [base + m, 10.5, 11, 9, 10.2, 100], // same minute again
      [base, 10, 11, 9, 10.5, 100], // goes back in time
      [base + 2 * m + 7, 10, 11, 9, 10, 1], // off the minute grid
      [base + 3 * m, 10, 11, 9, 10, -1], // negative volume
      [base + 4 * m, 10, 11, 9, 10, 0],
    ]
    const client = createReplayClient({ clock: createTestClock(0), venue: 'binance', symbol: 'ETH/USDT:USDT', source: { kind: 'candles', rows }, mode: { kind: 'full' } })
    const stats = await client.run()
    expect(stats.skipped).toEqual({ inconsistent_ohlc: 1, duplicate_timestamp: 1, out_of_order: 1, misaligned_timestamp: 1, invalid_amount: 1 })
    expect((await client.fetchCandles('ETH/USDT:USDT', '1m', null, 10)).map((c) => c.timestamp)).toEqual([base, base + m, base + 4 * m])
    // An empty CSV volume is missing data, not a zero-volume minute.
    const csv = `timestamp,open,high,low,close,volume\n${base},1,2,0.5,1.5,10\n${base + m},1.5,2,1,1,5\n${base + 2 * m},1,1,1,1,\n`
    const fromCsv = createReplayClient({ clock: createTestClock(0), venue: 'binance', symbol: 'ETH/USDT:USDT', source: { kind: 'candles', text: csv }, mode: { kind: 'full' } })
    expect(await fromCsv.run()).toMatchObject({ rowsAccepted: 2, rowsSkipped: 1, skipped: { invalid_amount: 1 } })
  })

  it('refuses a candle recording whose spacing is no timeframe, saying how to fix it', async () => {
    const rows = [[T, 1, 1, 1, 1, 1], [T + 7_000, 1, 1, 1, 1, 1]]
    const client = createReplayClient({ clock: createTestClock(0), venue: 'binance', symbol: 'X/Y', source: { kind: 'candles', rows }, mode: { kind: 'full' } })
    await expect(client.run()).rejects.toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/7000 ms apart.*pass source.timeframe/) })
  })
})
