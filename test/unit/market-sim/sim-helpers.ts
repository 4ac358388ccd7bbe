import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createMarketSimulator, type MarketSimulator } from '../../../src/main/adapters/market-simulator'
import type { MarketEvent, MarketStream } from '../../../src/main/ports/market-data-client'
import { TimeframeSchema } from '../../../src/shared/domain/market'

/** A Monday noon, mid-bucket for every timeframe, so bucket edges are exercised. */
export const START = Date.UTC(2024, 0, 8, 12, 3, 17, 250)
export const BTC = 'BTC/USDT:USDT'
export const ETH = 'ETH/USDT:USDT'

export function makeSim(seed: number, startAt = START): { clock: TestClock; sim: MarketSimulator } {
  const clock = createTestClock(startAt)
  return { clock, sim: createMarketSimulator({ clock, seed }) }
}

export function everyStream(symbol: string): MarketStream[] {
  return [
    { kind: 'book', symbol },
    { kind: 'trades', symbol },
    { kind: 'ticker', symbol },
    { kind: 'mark', symbol },
    { kind: 'funding', symbol },
    ...TimeframeSchema.options.map((timeframe) => ({ kind: 'candles' as const, symbol, timeframe })),
  ]
}

/** Subscribes every stream of both symbols and returns the events in arrival order. */
export async function record(sim: MarketSimulator, clock: TestClock, ms: number, streams = [...everyStream(BTC), ...everyStream(ETH)]): Promise<MarketEvent[]> {
  const events: MarketEvent[] = []
  for (const stream of streams) await sim.subscribe(stream, (event) => events.push(structuredClone(event)))
  clock.advance(ms)
  return events
}
