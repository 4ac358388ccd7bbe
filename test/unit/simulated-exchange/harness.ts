import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import { VenueError } from '../../../src/main/ports/venue-error'
import type { BookLevel } from '../../../src/shared/domain/market'
import type { Fill, OrderRequest, OrderState } from '../../../src/shared/domain/order'
import {
  type AccountEvent,
  createSimulatedExchange,
  type SimulatedExchange,
  type SimulatedExchangeOptions,
} from '../../../src/main/adapters/simulated-exchange/simulated-exchange'
import { createScriptedMarket, type ScriptedMarket, type ScriptedMarketOptions } from '../../support/scripted-market'

export const BTC = 'BTC/USDT:USDT'
export const ETH = 'ETH/USDT:USDT'
export const BIDS: BookLevel[] = [
  [59990, 5],
  [59980, 10],
  [59970, 20],
]
export const ASKS: BookLevel[] = [
  [60010, 5],
  [60020, 10],
  [60030, 20],
]

export interface Harness {
  clock: TestClock
  market: ScriptedMarket
  exchange: SimulatedExchange
  events: ExecutionEvent[]
  accountEvents: AccountEvent[]
  order(overrides?: Partial<OrderRequest>): OrderRequest
  /** Submits and lets the answer arrive (no latency unless the test set one). */
  submit(overrides?: Partial<OrderRequest>): Promise<OrderState>
  /** The VenueError a submit is refused with; fails the test if it is accepted. */
  refusal(overrides?: Partial<OrderRequest>): Promise<VenueError>
  eventsFor(clientOrderId: string): ExecutionEvent[]
  fillsOf(clientOrderId: string): Fill[]
  /** Lets microtasks and immediates run, then advances the clock by `ms` (0 by default) and flushes again. */
  settle(ms?: number): Promise<void>
  wallet(): Promise<number>
  /** Advances the clock 1 ms at a time until `promise` settles: for calls made with latency. */
  drive<T>(promise: Promise<T>, maxMs?: number): Promise<T>
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A simulated exchange on a scripted market holding the standard BTC book, on a test clock at t = 1,000,000. */
export async function createHarness(options: Partial<SimulatedExchangeOptions> = {}, marketOptions: ScriptedMarketOptions = {}): Promise<Harness> {
  const clock = createTestClock(1_000_000)
  const market = createScriptedMarket({ clock, ...marketOptions })
  market.setBook(BTC, BIDS, ASKS)
  const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 1, source: market, ...options })
  const events: ExecutionEvent[] = []
  const accountEvents: AccountEvent[] = []
  exchange.execution.onEvent((e) => events.push(e))
  exchange.onAccountEvent((e) => accountEvents.push(e))
  let counter = 0

  const order = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
    clientOrderId: `t${++counter}`,
    symbol: BTC,
    side: 'buy',
    type: 'limit',
    amount: 1,
    price: 59000,
    timeInForce: 'GTC',
    postOnly: false,
    reduceOnly: false,
    ...overrides,
  })
  const settle = async (ms = 0): Promise<void> => {
    await flush()
    clock.advance(ms)
    await flush()
  }
  const harness: Harness = {
    clock,
    market,
    exchange,
    events,
    accountEvents,
    order,
    async submit(overrides) {
      const state = await exchange.execution.submit(order(overrides))
      await settle()
      return state
    },
    async refusal(overrides) {
      const outcome = await exchange.execution.submit(order(overrides)).then(
        (state) => state,
        (error: unknown) => error,
      )
      await settle()
      if (!(outcome instanceof VenueError)) throw new Error(`expected a VenueError, the order was accepted: ${JSON.stringify(outcome)}`)
      return outcome
    },
    eventsFor: (id) => events.filter((e) => e.order.clientOrderId === id),
    fillsOf: (id) => events.flatMap((e) => ('fill' in e && e.order.clientOrderId === id ? [e.fill] : [])),
    settle,
    async drive(promise, maxMs = 10_000) {
      let done = false
      const tracked = promise.finally(() => (done = true))
      tracked.catch(() => {})
      for (let ms = 0; !done && ms < maxMs; ms++) await settle(1)
      return tracked
    },
    async wallet() {
      // Wallet = equity minus unrealized PnL, from what the ports expose.
      const [balances, positions] = await Promise.all([exchange.execution.balances(), exchange.execution.positions()])
      const total = balances.find((b) => b.currency === 'USDT')?.total ?? 0
      return total - positions.reduce((sum, p) => sum + p.unrealizedPnl, 0)
    },
  }
  return harness
}
