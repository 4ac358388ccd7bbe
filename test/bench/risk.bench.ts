// Risk evaluation benchmark: per-intent latency of evaluateIntent (p50, p99)
// over realistic snapshots (a 20-level book, a handful of positions and
// working orders, recent intents and order times), against baselines timed
// the same way in the same run: zod parsing of the same intent (what the
// contract already does to every intent) and JSON.stringify of the snapshot.
// Machines are shared and noisy, so only the ratios are comparable.
import { evaluateIntent, type RiskContext } from '../../src/main/core/risk'
import { OrderIntentSchema, type OrderIntent } from '../../src/shared/domain/intent'
import type { BookLevel } from '../../src/shared/domain/market'
import { DEFAULT_RISK_CONFIG } from '../../src/shared/domain/risk'
import { BTC_SWAP, KNOWN_SYMBOLS, NOW, makeContext, makeIntent } from '../unit/risk/fixtures'
import { mulberry32 } from '../unit/risk/random-intents'
import { reportBench, withBaseline } from './support/report'

const CASES = 2_000
const ROUNDS = 7
const DEPTH = 20

interface Case {
  intent: OrderIntent
  context: RiskContext
}

function generate(seed: number): Case[] {
  const rand = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const cases: Case[] = []
  for (let n = 0; n < CASES; n++) {
    const mid = Math.round((50_000 + (rand() - 0.5) * 200) * 10) / 10
    const level = (i: number, dir: 1 | -1): BookLevel => [Math.round((mid + dir * 0.1 * (i + 1 + Math.floor(rand() * 3))) * 10) / 10, 1 + Math.floor(rand() * 40)]
    const bids = Array.from({ length: DEPTH }, (_, i) => level(i * 3, -1))
    const asks = Array.from({ length: DEPTH }, (_, i) => level(i * 3, 1))
    const symbols = ['ETH/USDT:USDT', 'SOL/USDT:USDT', 'DOGE/USDT', BTC_SWAP.symbol]
    const context = makeContext({
      book: { bids, asks, timestamp: NOW - Math.floor(rand() * 2_000) },
      mark: { markPrice: mid, timestamp: NOW - Math.floor(rand() * 2_000) },
      equity: 500_000 + rand() * 1_000_000,
      knownSymbols: Array.from({ length: 300 }, (_, i) => `${KNOWN_SYMBOLS[i % KNOWN_SYMBOLS.length]}${i}`),
      positions: symbols.map((symbol) => ({ symbol, side: pick(['long', 'short'] as const), contracts: 1 + Math.floor(rand() * 20), notional: rand() * 8_000 })),
      openOrders: Array.from({ length: 5 }, () => ({ symbol: pick(symbols), side: pick(['buy', 'sell'] as const), amount: 1 + Math.floor(rand() * 5), notional: rand() * 2_000 })),
      recentIntents: Array.from({ length: 20 }, (_, i) => ({ id: `recent-${i}-xxxx`, accountId: 'acct-1', symbol: pick(symbols), side: pick(['buy', 'sell'] as const), type: 'limit' as const, amount: 1 + Math.floor(rand() * 5), price: mid, createdAt: NOW - Math.floor(rand() * 20_000) })),
      recentOrderTimestamps: Array.from({ length: 10 }, () => NOW - Math.floor(rand() * 5_000)),
    })
    const type = rand() < 0.3 ? 'market' : 'limit'
    const side = pick(['buy', 'sell'] as const)
    const price = type === 'limit' ? Math.round((mid + (side === 'buy' ? 1 : -1) * Math.floor(rand() * 20) * 0.1) * 10) / 10 : null
    // Mostly plausible sizes, one in ten too large: the rejection path is timed too.
    const amount = rand() < 0.9 ? 1 + Math.floor(rand() * 8) : 50 + Math.floor(rand() * 500)
    const intent = makeIntent({ id: `bench-${n}`.padEnd(8, '0'), side, type, price, amount, leverage: rand() < 0.2 ? 5 : null, stopLoss: rand() < 0.3 ? Math.round(mid * 0.97 * 10) / 10 : null })
    cases.push({ intent, context })
  }
  return cases
}

/** Per-case nanoseconds of one pass, sorted. */
function timeEach(cases: Case[], run: (c: Case) => unknown): number[] {
  const times = new Array<number>(cases.length)
  let sink = 0
  for (let i = 0; i < cases.length; i++) {
    const started = process.hrtime.bigint()
    const result = run(cases[i]!)
    times[i] = Number(process.hrtime.bigint() - started)
    if (result) sink++
  }
  if (sink < 0) console.log(sink)
  return times.sort((a, b) => a - b)
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function main(): void {
  const cases = generate(7)
  const config = DEFAULT_RISK_CONFIG
  const runners = {
    risk: (c: Case) => evaluateIntent(c.intent, c.context, config),
    zod: (c: Case) => OrderIntentSchema.parse(c.intent),
    json: (c: Case) => JSON.stringify(c.context),
  }
  for (const run of Object.values(runners)) for (let w = 0; w < 3; w++) timeEach(cases, run) // warm-up
  const p50: Record<keyof typeof runners, number[]> = { risk: [], zod: [], json: [] }
  const p99: Record<keyof typeof runners, number[]> = { risk: [], zod: [], json: [] }
  // Alternate round by round so that drift on a shared machine hits all alike.
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of Object.keys(runners) as (keyof typeof runners)[]) {
      const times = timeEach(cases, runners[name])
      p50[name].push(quantile(times, 0.5))
      p99[name].push(quantile(times, 0.99))
    }
  }
  const verdicts = cases.map(runners.risk)
  const rejected = verdicts.filter((v) => v.decision === 'reject').length
  console.log(`${CASES} intents over ${DEPTH}-level books, ${rejected} rejected, ${verdicts.filter((v) => v.needsApproval).length} needing approval`)
  const us = (ns: number): number => ns / 1_000
  reportBench([
    withBaseline('risk evaluateIntent p50 (baseline: zod parse of the intent)', us(median(p50.risk)), 'µs/intent', us(median(p50.zod))),
    withBaseline('risk evaluateIntent p99 (baseline: zod parse of the intent)', us(median(p99.risk)), 'µs/intent', us(median(p99.zod))),
    withBaseline('risk evaluateIntent p50 (baseline: JSON.stringify of the snapshot)', us(median(p50.risk)), 'µs/intent', us(median(p50.json))),
    withBaseline('risk evaluateIntent p99 (baseline: JSON.stringify of the snapshot)', us(median(p99.risk)), 'µs/intent', us(median(p99.json))),
  ])
}

main()
