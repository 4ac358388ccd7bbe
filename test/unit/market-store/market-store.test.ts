import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_MARKET_SCHEMA, MarketStoreOpenError, openMarketStore } from '../../../src/main/adapters/market-store'
import type { MarketStore } from '../../../src/main/ports/market-store'
import type { Candle, Trade } from '../../../src/shared/domain/market'
import { makeTempDir } from '../../support/temp-dir'

const H = 3_600_000
const T0 = Date.UTC(2024, 0, 1)
const KEY = { venue: 'okx', symbol: 'BTC/USDT:USDT', timeframe: '1h' } as const
const candle = (i: number, close = 100 + i): Candle => ({ timestamp: T0 + i * H, open: 100, high: Math.max(100, close) + 1, low: Math.min(100, close) - 1, close, volume: 10 + i })
const trade = (id: string, ms: number, price = 100): Trade => ({ venue: 'okx', symbol: 'BTC/USDT:USDT', id, price, amount: 1.5, side: 'buy', timestamp: T0 + ms })
const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('market store', () => {
  let dir: ReturnType<typeof makeTempDir>
  let file: string
  let store: MarketStore
  beforeEach(() => {
    dir = makeTempDir()
    file = join(dir.path, 'nested', 'market.sqlite')
    store = openMarketStore(file)
  })
  afterEach(() => {
    store.close()
    dir.remove()
  })

  it('creates a WAL file at the latest schema and reopens without re-applying migrations', () => {
    store.close()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_MARKET_SCHEMA)
    db.close()
    store = openMarketStore(file)
    expect(store.upsertCandles(KEY, [candle(0)])).toBe(1)
  })

  it('refuses a newer schema or a corrupt file and leaves either byte for byte unchanged', () => {
    const newer = join(dir.path, 'newer.sqlite')
    const db = new Database(newer)
    db.exec('CREATE TABLE future (x INTEGER)')
    db.pragma('user_version = 99')
    db.close()
    const before = digest(newer)
    expect(() => openMarketStore(newer)).toThrow(MarketStoreOpenError)
    expect(() => openMarketStore(newer)).toThrow(/schema version 99, newer than this app supports \(1\)/)
    expect(digest(newer)).toBe(before)
    expect(existsSync(`${newer}-wal`)).toBe(false)

    const corrupt = join(dir.path, 'corrupt.sqlite')
    writeFileSync(corrupt, 'this is not a database, just text long enough to look like a header.......')
    const corruptBefore = digest(corrupt)
    expect(() => openMarketStore(corrupt)).toThrow(expect.objectContaining({ reason: 'corrupt' }))
    expect(digest(corrupt)).toBe(corruptBefore)
  })

  it('upserts candles idempotently, replaces a changed candle, and keys by venue, symbol and timeframe', () => {
    const candles = [0, 1, 2].map((i) => candle(i))
    expect(store.upsertCandles(KEY, candles)).toBe(3)
    expect(store.upsertCandles(KEY, candles)).toBe(0)
    expect(store.upsertCandles(KEY, [candle(2, 90)])).toBe(1)
    expect(store.candles(KEY, T0, T0 + 3 * H)).toEqual([candle(0), candle(1), candle(2, 90)])
    expect(store.upsertCandles({ ...KEY, timeframe: '4h' }, [candle(0)])).toBe(1)
    expect(store.upsertCandles({ ...KEY, venue: 'binance' }, [candle(0)])).toBe(1)
    expect(store.candles(KEY, T0, T0 + 100 * H)).toHaveLength(3)
    expect(store.latestCandle(KEY)).toEqual(candle(2, 90))
    expect(store.latestCandle({ ...KEY, symbol: 'ETH/USDT:USDT' })).toBeNull()
  })

  it('answers half-open range queries with a limit', () => {
    store.upsertCandles(KEY, [5, 1, 3, 2, 4].map((i) => candle(i)))
    expect(store.candles(KEY, T0 + 2 * H, T0 + 4 * H).map((c) => c.timestamp)).toEqual([T0 + 2 * H, T0 + 3 * H])
    expect(store.candles(KEY, T0, T0 + 10 * H, 2).map((c) => c.timestamp)).toEqual([T0 + H, T0 + 2 * H])
  })

  it('finds missing candle ranges at the edges and inside, per key', () => {
    expect(store.missingCandleRanges(KEY, T0, T0 + 12 * H)).toEqual([{ from: T0, to: T0 + 12 * H }])
    store.upsertCandles(KEY, [1, 2, 5, 6, 8, 9].map((i) => candle(i)))
    store.upsertCandles({ ...KEY, symbol: 'ETH/USDT:USDT' }, [0, 3, 4, 7, 10, 11].map((i) => candle(i)))
    expect(store.missingCandleRanges(KEY, T0, T0 + 12 * H)).toEqual([
      { from: T0, to: T0 + H },
      { from: T0 + 3 * H, to: T0 + 5 * H },
      { from: T0 + 7 * H, to: T0 + 8 * H },
      { from: T0 + 10 * H, to: T0 + 12 * H },
    ])
    // Bounds off the grid round up to whole buckets; a fully stored span has no gaps.
    expect(store.missingCandleRanges(KEY, T0 + H - 1, T0 + 3 * H)).toEqual([])
    expect(store.missingCandleRanges(KEY, T0 + 4 * H + 1, T0 + 7 * H)).toEqual([])
    expect(store.missingCandleRanges(KEY, T0 + 2 * H, T0 + 2 * H)).toEqual([])
  })

  it('refuses candles off the timeframe grid or with impossible prices', () => {
    expect(() => store.upsertCandles(KEY, [{ ...candle(0), timestamp: T0 + 1 }])).toThrow(/not on the 1h grid/)
    expect(() => store.upsertCandles(KEY, [{ ...candle(0), high: 50 }])).toThrow(/high\/low/)
    expect(() => store.upsertCandles(KEY, [{ ...candle(0), volume: Number.NaN }])).toThrow(/non-finite/)
    expect(store.candles(KEY, T0, T0 + H)).toEqual([])
  })

  it('stores trades once per venue trade id and reads them back in time order', () => {
    expect(store.upsertTrades([trade('b', 20), trade('a', 10), trade('c', 20, 101)])).toBe(3)
    expect(store.upsertTrades([trade('a', 10), trade('d', 30)])).toBe(1)
    expect(store.upsertTrades([{ ...trade('a', 10), venue: 'binance' }])).toBe(1)
    expect(store.trades('okx', 'BTC/USDT:USDT', T0, T0 + 25).map((t) => t.id)).toEqual(['a', 'b', 'c'])
    expect(store.trades('okx', 'BTC/USDT:USDT', T0, T0 + 100, 2)).toEqual([trade('a', 10), trade('b', 20)])
    expect(() => store.upsertTrades([{ ...trade('e', 1), amount: 0 }])).toThrow(/not storable/)
  })
})
