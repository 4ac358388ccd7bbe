// Simulated exchange benchmark: orders matched per second against a moving
// book (seeded random market and limit orders, the book replaced every few
// orders), through the ExecutionClient port and on the bare engine, each
// against a baseline measured in the same run: the same loop doing only the
// book updates and the order validation, without matching (the machines are
// shared and noisy, so only ratios are comparable).
import { createTestClock } from '../../src/main/core/clock/test-clock'
import { createExchangeEngine } from '../../src/main/adapters/simulated-exchange/exchange-engine'
import { createInstrumentRegistry } from '../../src/main/adapters/simulated-exchange/instrument-registry'
import { isOnStep } from '../../src/shared/market/precision'
import { createSeededRandom, type Random } from '../../src/main/adapters/simulated-exchange/seeded-random'
import { createSimulatedExchange } from '../../src/main/adapters/simulated-exchange/simulated-exchange'
import type { BookLevel, Instrument } from '../../src/shared/domain/market'
import { type OrderRequest, OrderRequestSchema } from '../../src/shared/domain/order'
import { createScriptedMarket, type ScriptedMarket } from '../support/scripted-market'
import { reportBench, withBaseline } from './support/report'

const ORDERS = 40_000
const WARMUP = 4_000
const BOOK_EVERY = 10
const LEVELS = 20
const SYMBOL = 'BTC/USDT:USDT'
const TICK = 0.1

/** A seeded stream of books around a random-walk mid, and orders around it. */
function createScript(seed: number): { book(i: number): { bids: BookLevel[]; asks: BookLevel[] }; order(i: number): OrderRequest } {
  const random: Random = createSeededRandom(seed)
  let mid = 60_000
  const ticks = (n: number): number => Math.round(n) * TICK
  return {
    book() {
      mid = Math.max(1000, mid + ticks((random() - 0.5) * 40))
      const bids: BookLevel[] = []
      const asks: BookLevel[] = []
      for (let k = 0; k < LEVELS; k++) {
        bids.push([Number((mid - ticks(5 + 5 * k)).toFixed(1)), 1 + Math.floor(random() * 20)])
        asks.push([Number((mid + ticks(5 + 5 * k)).toFixed(1)), 1 + Math.floor(random() * 20)])
      }
      return { bids, asks }
    },
    order(i) {
      const market = random() < 0.3
      const side = random() < 0.5 ? 'buy' : 'sell'
      const price = Number((mid + ticks((random() - 0.5) * 200)).toFixed(1))
      return {
        clientOrderId: `b${i}`,
        symbol: SYMBOL,
        side,
        type: market ? 'market' : 'limit',
        amount: 1 + Math.floor(random() * 5),
        price: market ? null : price,
        timeInForce: random() < 0.2 ? 'IOC' : 'GTC',
        postOnly: false,
        reduceOnly: false,
      }
    },
  }
}

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9

/** Baseline: book updates and order validation only, no matching. */
function baselinePerSecond(count: number, instrument: Instrument): number {
  const market: ScriptedMarket = createScriptedMarket()
  const script = createScript(1)
  let valid = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    if (i % BOOK_EVERY === 0) {
      const { bids, asks } = script.book(i)
      market.setBook(SYMBOL, bids, asks)
    }
    const order = OrderRequestSchema.parse(script.order(i))
    if (isOnStep(order.amount, instrument.stepSize) && (order.price === null || isOnStep(order.price, instrument.tickSize))) valid++
  }
  const elapsed = seconds(started)
  if (valid !== count) throw new Error(`baseline produced ${count - valid} invalid orders`)
  return count / elapsed
}

/** Orders per second on the bare engine, synchronous, no wire. */
function enginePerSecond(count: number, instruments: Instrument[]): { rate: number; fills: number } {
  let fills = 0
  const clock = createTestClock(0)
  const engine = createExchangeEngine({
    venue: 'paper',
    clock,
    instruments: createInstrumentRegistry('paper', createScriptedMarket(), instruments),
    fees: { maker: 0.0002, taker: 0.0005 },
    account: { startingBalances: { USDT: 1e12 }, defaultLeverage: 100, maxLeverage: 100 },
    maintenanceMarginRate: 0.005,
    emit: (event) => void (event.type === 'filled' || event.type === 'partially_filled' ? fills++ : 0),
    emitAccount: () => {},
  })
  const script = createScript(1)
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    if (i % BOOK_EVERY === 0) {
      const { bids, asks } = script.book(i)
      engine.onBook({ venue: 'scripted', symbol: SYMBOL, bids, asks, sequence: i, timestamp: i })
    }
    engine.submit(script.order(i))
  }
  return { rate: count / seconds(started), fills }
}

/** Orders per second through the ExecutionClient port: each submit awaited, zero latency, test clock. */
async function clientPerSecond(count: number): Promise<{ rate: number; fills: number; resting: number }> {
  const clock = createTestClock(0)
  const market = createScriptedMarket({ clock })
  const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 1, source: market, startingBalances: { USDT: 1e12 }, defaultLeverage: 100 })
  let fills = 0
  exchange.execution.onEvent((event) => void ('fill' in event ? fills++ : 0))
  await exchange.watch([SYMBOL])
  const script = createScript(1)
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    if (i % BOOK_EVERY === 0) {
      const { bids, asks } = script.book(i)
      market.setBook(SYMBOL, bids, asks)
    }
    await exchange.execution.submit(script.order(i))
  }
  const rate = count / seconds(started)
  const resting = (await exchange.execution.openOrders()).length
  await exchange.close()
  return { rate, fills, resting }
}

async function main(): Promise<void> {
  const instruments = await createScriptedMarket().loadInstruments()
  const btc = instruments.find((i) => i.symbol === SYMBOL)!
  baselinePerSecond(WARMUP, btc)
  enginePerSecond(WARMUP, instruments)
  await clientPerSecond(WARMUP)

  const baseline = baselinePerSecond(ORDERS, btc)
  const engine = enginePerSecond(ORDERS, instruments)
  const client = await clientPerSecond(ORDERS)
  console.log(`${ORDERS} orders, book replaced every ${BOOK_EVERY}: ${engine.fills} fills on the engine, ${client.fills} through the client, ${client.resting} orders left resting`)
  reportBench([
    withBaseline(`simulated exchange engine: orders matched/s, book moving every ${BOOK_EVERY} (baseline: book updates + validation only)`, engine.rate, 'orders/s', baseline),
    withBaseline(`simulated exchange ExecutionClient: awaited submits/s, book moving every ${BOOK_EVERY} (baseline: book updates + validation only)`, client.rate, 'orders/s', baseline),
  ])
}

await main()
