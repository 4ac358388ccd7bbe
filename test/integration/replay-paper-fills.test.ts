import { describe, expect, it } from 'vitest'
import { createReplayClient } from '../../src/main/adapters/replay'
import { createSimulatedExchange } from '../../src/main/adapters/simulated-exchange/simulated-exchange'
import { createTestClock } from '../../src/main/core/clock/test-clock'
import type { ExecutionEvent } from '../../src/main/ports/execution-client'
import type { Fill, OrderRequest } from '../../src/shared/domain/order'
import { hasRecordings, RECORDINGS, recordedTitle } from '../support/recorded-market-data'

const SYMBOL = 'ETH/USDT:USDT'
const FIRST_PRICE = 1666.8

/**
 * A paper account trading on the recorded ETH/USDT perpetual tape: a ladder
 * of resting orders either side of the first print, then the whole tape
 * replayed at full speed on the test clock. Returns every fill and event.
 */
async function paperSession(seed: number): Promise<{ fills: Fill[]; events: ExecutionEvent[]; trades: number }> {
  const clock = createTestClock(1675329600000)
  const replay = createReplayClient({
    clock,
    venue: 'binance',
    symbol: SYMBOL,
    source: { kind: 'trades', path: RECORDINGS.tradesCsv },
    mode: { kind: 'full' },
    instrument: { stepSize: 0.001, minSize: 0.001, tickSize: 0.01, maxLeverage: 50 },
  })
  await replay.loadInstruments()
  const exchange = createSimulatedExchange({ venue: 'paper', clock, seed, source: replay, startingBalances: { USDT: 10_000 } })
  await exchange.watch([SYMBOL])
  const events: ExecutionEvent[] = []
  exchange.execution.onEvent((event) => events.push(structuredClone(event)))

  let n = 0
  const limit = (side: 'buy' | 'sell', price: number): OrderRequest => ({
    clientOrderId: `ladder${side}${n++}`,
    symbol: SYMBOL,
    side,
    type: 'limit',
    amount: 0.5,
    price: Math.round(price * 100) / 100,
    timeInForce: 'GTC',
    postOnly: true,
    reduceOnly: false,
  })
  for (let k = 1; k <= 6; k++) {
    await exchange.execution.submit(limit('buy', FIRST_PRICE - k * 0.15))
    await exchange.execution.submit(limit('sell', FIRST_PRICE + k * 0.15))
  }
  const stats = await replay.run()
  // Let acknowledgements and fills queued behind the last print drain.
  for (let i = 0; i < 10; i++) await Promise.resolve()
  const fills = await exchange.execution.fillsSince(0, SYMBOL)
  await exchange.close()
  await replay.close()
  return { fills, events, trades: stats.rowsAccepted }
}

describe.skipIf(!hasRecordings)(recordedTitle('paper trading on a replayed tape'), () => {
  it('replays the recorded trades through the simulated exchange and gets the same fills twice', async () => {
    const first = await paperSession(42)
    const second = await paperSession(42)
    expect(first.trades).toBe(1000)
    // The tape moves through several rungs of the ladder on both sides.
    expect(first.fills.length).toBeGreaterThanOrEqual(4)
    expect(new Set(first.fills.map((f) => f.side))).toEqual(new Set(['buy', 'sell']))
    expect(first.fills.every((f) => f.liquidity === 'maker')).toBe(true)
    expect(second.fills).toEqual(first.fills)
    expect(second.events).toEqual(first.events)
  })
})
