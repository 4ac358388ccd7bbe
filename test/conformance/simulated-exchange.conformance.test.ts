import { createLiveClock } from '../../src/main/core/clock/live-clock'
import { createTestClock } from '../../src/main/core/clock/test-clock'
import type { Clock } from '../../src/main/ports/clock'
import { createSimulatedExchange } from '../../src/main/adapters/simulated-exchange/simulated-exchange'
import type { LatencyModel } from '../../src/main/adapters/simulated-exchange/latency'
import { createScriptedMarket } from '../support/scripted-market'
import { defineExecutionConformance } from './execution-conformance'
import { defineMarketDataConformance } from './market-data-conformance'
import type { VenueFactory } from './venue-under-test'

const SYMBOL = 'BTC/USDT:USDT'
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The exchange on a scripted market; `settle` lets its clock and pending promises run. */
function factory(clock: Clock, latency: LatencyModel, settle: () => Promise<void>): VenueFactory {
  return async () => {
    const source = createScriptedMarket({ venue: 'scripted', clock })
    const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 7, source, latency })
    return {
      execution: exchange.execution,
      marketData: exchange.marketData,
      symbol: SYMBOL,
      setBook: async (bids, asks) => void source.setBook(SYMBOL, bids, asks),
      printTrade: async (price, amount, side) => void source.printTrade(SYMBOL, price, amount, side),
      settle,
      close: () => exchange.close(),
    }
  }
}

// On a test clock without latency: deterministic, answers arrive as promises settle.
// The clock starts at the wall time because rule E4 asks for fills since Date.now() - 60 s.
const testClockFactory: VenueFactory = () => {
  const clock = createTestClock(Date.now())
  return factory(clock, { fixedMs: 0, jitterMs: 0 }, async () => {
    clock.advance(10)
    await flush()
  })()
}

// On the wall clock with latency and jitter: every request and answer crosses the delayed wire.
const latencyFactory: VenueFactory = () => factory(createLiveClock(), { fixedMs: 1, jitterMs: 2 }, () => sleep(5))()

defineExecutionConformance('simulated exchange (test clock, no latency)', testClockFactory)
defineMarketDataConformance('simulated exchange (test clock, no latency)', testClockFactory)
defineExecutionConformance('simulated exchange (live clock, 1-3 ms latency)', latencyFactory)
defineMarketDataConformance('simulated exchange (live clock, 1-3 ms latency)', latencyFactory)
