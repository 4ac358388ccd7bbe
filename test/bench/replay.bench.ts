// Replay throughput: recorded trades pushed through the replay adapter at
// full speed (row checks, batching, candles of every timeframe, a test clock
// moved to each trade), against a bare loop handing the same parsed rows to a
// listener: the floor no replay can beat. The machines are shared and noisy,
// so only the ratio between the two, measured in the same run, is comparable.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createReplayClient } from '../../src/main/adapters/replay'
import { createTestClock } from '../../src/main/core/clock/test-clock'
import { RECORDINGS, hasRecordings, MARKET_DATA_DIR } from '../support/recorded-market-data'
import { reportBench, withBaseline, type BenchResult } from './support/report'

const WARMUP = 3
const RUNS = 15
const SYMBOL = 'XRP/ETH' // the recording's own market

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9
}

/** One full-speed replay with trades, ticker and 1-minute candles subscribed; returns trades/s and events/s. */
async function replayOnce(rows: readonly unknown[]): Promise<{ tradesPerSecond: number; eventsPerSecond: number }> {
  let trades = 0
  const client = createReplayClient({ clock: createTestClock(0), venue: 'binance', symbol: SYMBOL, source: { kind: 'trades', rows }, mode: { kind: 'full' } })
  await client.subscribe({ kind: 'trades', symbol: SYMBOL }, (e) => {
    if (e.kind === 'trades') trades += e.trades.length
  })
  await client.subscribe({ kind: 'ticker', symbol: SYMBOL }, () => {})
  await client.subscribe({ kind: 'candles', symbol: SYMBOL, timeframe: '1m' }, () => {})
  const started = process.hrtime.bigint()
  const stats = await client.run()
  const elapsed = seconds(started)
  await client.close()
  if (trades !== stats.rowsAccepted) throw new Error(`replay delivered ${trades} trades of ${stats.rowsAccepted}`)
  return { tradesPerSecond: trades / elapsed, eventsPerSecond: stats.eventsEmitted / elapsed }
}

/** The floor: every parsed row read and handed to a listener, nothing else. */
function bareLoopOnce(rows: readonly unknown[]): number {
  let sink = 0
  const listener = (ts: number, price: number, amount: number): void => {
    sink += ts + price * amount
  }
  const started = process.hrtime.bigint()
  for (const row of rows as [number, string, null, string, number, number][]) listener(row[0], row[4], row[5])
  const elapsed = seconds(started)
  if (!(sink > 0)) throw new Error('bare loop read nothing')
  return rows.length / elapsed
}

export async function run(): Promise<BenchResult[]> {
  if (!hasRecordings) {
    console.log(`replay bench skipped: recordings not found in ${MARKET_DATA_DIR}`)
    return []
  }
  const rows = JSON.parse(gunzipSync(readFileSync(RECORDINGS.tradesJsonGz)).toString('utf8')) as unknown[]
  for (let i = 0; i < WARMUP; i++) {
    await replayOnce(rows)
    bareLoopOnce(rows)
  }
  const replays: { tradesPerSecond: number; eventsPerSecond: number }[] = []
  const floors: number[] = []
  for (let i = 0; i < RUNS; i++) {
    replays.push(await replayOnce(rows))
    floors.push(bareLoopOnce(rows))
  }
  const floor = median(floors)
  const results = [
    withBaseline(`replay at full speed, ${rows.length} recorded trades (baseline: bare loop over the parsed rows)`, median(replays.map((r) => r.tradesPerSecond)), 'trades/s', floor),
    withBaseline('replay at full speed, market events emitted: trades, ticker, 1m candles (baseline: bare loop, rows/s)', median(replays.map((r) => r.eventsPerSecond)), 'events/s', floor),
  ]
  reportBench(results)
  return results
}

// Run when executed directly (`npm run bench` spawns each bench file); stay quiet when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
