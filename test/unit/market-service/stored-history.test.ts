import { describe, expect, it } from 'vitest'
import { withStoredHistory } from '../../../src/main/core/market/history/stored-history'
import type { MarketStore } from '../../../src/main/ports/market-store'
import type { Candle } from '../../../src/shared/domain/market'

const MIN = 60_000
const KEY = { venue: 'fake', symbol: 'BTC/USDT:USDT', timeframe: '1m' } as const
const bar = (i: number, close = 100): Candle => ({ timestamp: i * MIN, open: 100, high: 101, low: 99, close, volume: 1 })

// A store holding the given bars: `candles` answers the half-open range like the SQLite one.
const storeOf = (bars: Candle[]): Pick<MarketStore, 'candles'> => ({
  candles: (_key, from, to) => bars.filter((c) => c.timestamp >= from && c.timestamp < to),
})

describe('stored history for a watch', () => {
  const venue = [10, 11, 12].map((i) => bar(i, 200))

  it('prepends the stored run that leads up to the venue history, the venue winning where both exist', () => {
    const store = storeOf([5, 6, 7, 8, 9, 10, 11].map((i) => bar(i)))
    expect(withStoredHistory(store, KEY, venue, 100)).toEqual([...[5, 6, 7, 8, 9].map((i) => bar(i)), ...venue])
  })

  it('leaves out stored bars cut off by a hole, and stays within the bar limit', () => {
    const store = storeOf([1, 2, 3, 7, 8, 9].map((i) => bar(i)))
    expect(withStoredHistory(store, KEY, venue, 100).map((c) => c.timestamp / MIN)).toEqual([7, 8, 9, 10, 11, 12])
    expect(withStoredHistory(store, KEY, venue, 5).map((c) => c.timestamp / MIN)).toEqual([8, 9, 10, 11, 12])
    expect(withStoredHistory(store, KEY, venue, 3)).toEqual(venue)
  })

  it('returns the venue history alone when nothing joins it or the venue answered nothing', () => {
    expect(withStoredHistory(storeOf([bar(2), bar(3)]), KEY, venue, 100)).toEqual(venue)
    expect(withStoredHistory(storeOf([bar(9)]), KEY, [], 100)).toEqual([])
  })
})
