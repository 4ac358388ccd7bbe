import type { Exchange, OrderBook as CcxtOrderBook } from 'ccxt'
import { describe, expect, it } from 'vitest'
import type { Instrument } from '../../../src/shared/domain/market'
import type { MarketStream } from '../../../src/main/ports/market-data-client'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { StopSignal } from '../../../src/main/adapters/ccxt/discipline/backoff'
import { RequestDiscipline } from '../../../src/main/adapters/ccxt/discipline/request-discipline'
import { ccxtBookWatch } from '../../../src/main/adapters/ccxt/market-data/book-sources'
import { toOrderBook } from '../../../src/main/adapters/ccxt/market-data/convert-market'
import { pollSource } from '../../../src/main/adapters/ccxt/market-data/poll-sources'
import type { SourceContext } from '../../../src/main/adapters/ccxt/market-data/source-context'
import { COINBASE_PROFILE } from '../../../src/main/adapters/ccxt/profiles/other-venues'

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

const instrument: Instrument = {
  venue: 'coinbase', symbol: 'BTC/USD', venueSymbol: 'BTC-USD', type: 'spot', base: 'BTC', quote: 'USD', settle: null,
  contractSize: 1, tickSize: 0.01, stepSize: 0.00000001, minSize: 0, maxSize: null, minNotional: null, maxLeverage: null, active: true,
}

function context(exchange: Partial<Exchange>, stream: MarketStream) {
  const clock = createTestClock(0)
  const resyncs: string[] = []
  const discipline = new RequestDiscipline(COINBASE_PROFILE, { clock, logger: createMemoryLogger('error'), random: () => 0.5, windowMarginMs: 0 })
  const ctx: SourceContext = { profile: COINBASE_PROFILE, exchange: exchange as Exchange, discipline, clock, stop: new StopSignal(), instrument, stream, requestResync: (r) => resyncs.push(r) }
  return { clock, ctx, resyncs }
}

const book = (bids: [number, number][], asks: [number, number][], nonce?: number): CcxtOrderBook => ({ bids, asks, nonce, timestamp: 5, datetime: undefined, symbol: 'BTC/USD' }) as CcxtOrderBook

describe('REST polling where a venue has no watcher (Coinbase candles)', () => {
  it('fetches at once, then every interval on the clock, through the discipline', async () => {
    let calls = 0
    const { clock, ctx } = context({ fetchOHLCV: async () => [[60_000 * ++calls, 1, 2, 0.5, 1.5, 10]], has: {} } as never, { kind: 'candles', symbol: 'BTC/USD', timeframe: '1m' })
    const source = pollSource(ctx, 10_000, 0)
    expect(await source.next()).toEqual([{ kind: 'candle', symbol: 'BTC/USD', timeframe: '1m', candle: { timestamp: 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 } }])
    let second: unknown = null
    void source.next().then((events) => (second = events))
    await flush()
    clock.advance(9_999)
    await flush()
    expect(second).toBeNull()
    clock.advance(1)
    await flush()
    expect(second).toHaveLength(1)
    await source.close()
    expect(await source.next()).toEqual([])
  })
})

describe("checks on ccxt's own book (venues whose frames we do not decode)", () => {
  it('passes a sane book and asks for a resync on a crossed one or a sequence going back', async () => {
    const answers = [book([[100, 1]], [[101, 1]], 10), book([[102, 1]], [[101, 1]], 11), book([[100, 1]], [[101, 1]], 12), book([[100, 1]], [[101, 1]], 9)]
    const { ctx, resyncs } = context({ watchOrderBook: async () => answers.shift()! } as never, { kind: 'book', symbol: 'BTC/USD' })
    const source = ccxtBookWatch(ctx, 10)
    expect(await source.next()).toMatchObject([{ kind: 'book', book: { bids: [[100, 1]], asks: [[101, 1]], sequence: 10 } }])
    expect(await source.next()).toEqual([])
    expect(await source.next()).toHaveLength(1)
    expect(await source.next()).toEqual([])
    expect(resyncs).toEqual(['unusable book from ccxt: crossed: bid 102 >= ask 101', 'sequence went back from 12 to 9'])
  })

  it('refuses unsorted levels and garbage numbers', () => {
    expect(toOrderBook('x', 'BTC/USD', book([[100, 1], [101, 1]], [[102, 1]]), 10, 0)).toBe('bids out of order')
    expect(toOrderBook('x', 'BTC/USD', book([[100, 1]], [[Number.NaN, 1]]), 10, 0)).toMatch(/asks level 0/)
    expect(toOrderBook('x', 'BTC/USD', book([[100, 1], [99, 2]], [[101, 1]]), 1, 0)).toMatchObject({ bids: [[100, 1]], sequence: null })
  })
})
