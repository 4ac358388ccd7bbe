import { describe, expect, it } from 'vitest'
import { AccountViewSchema, MarketSnapshotSchema } from '../../../src/shared/domain/agents/snapshot'
import { NewsItemSchema } from '../../../src/shared/domain/agents/news'
import { accountView, breakoutSymbol, dipSymbol, marketSnapshot, newsItem, quietSymbol, symbolSnapshot, trendingSymbol } from './snapshot-fixtures'

describe('snapshot fixtures', () => {
  it('build snapshots, accounts and news that pass the shared schemas', () => {
    const snapshot = marketSnapshot([trendingSymbol('up'), trendingSymbol('down', { symbol: 'ETH/USDT:USDT' }), dipSymbol({ symbol: 'SOL/USDT:USDT' }), breakoutSymbol(0.6, { symbol: 'XRP/USDT:USDT' }), quietSymbol({ symbol: 'DOGE/USDT:USDT' }), symbolSnapshot({ symbol: 'ADA/USDT' })])
    expect(MarketSnapshotSchema.safeParse(snapshot).error).toBeUndefined()
    expect(AccountViewSchema.safeParse(accountView()).error).toBeUndefined()
    expect(NewsItemSchema.safeParse(newsItem('A headline')).error).toBeUndefined()
  })

  it('hash the content: equal snapshots share a hash, a changed price changes it', () => {
    expect(marketSnapshot([trendingSymbol('up')]).hash).toBe(marketSnapshot([trendingSymbol('up')]).hash)
    expect(marketSnapshot([trendingSymbol('up', { last: 1 })]).hash).not.toBe(marketSnapshot([trendingSymbol('up')]).hash)
  })

  it('end every candle history right before the candle forming at snapshot time', () => {
    const symbol = trendingSymbol('up')
    const last = symbol.candles['15m']!.at(-1)!
    expect(last.timestamp + 15 * 60_000).toBeLessThanOrEqual(marketSnapshot([symbol]).takenAt)
    expect(last.timestamp + 30 * 60_000).toBeGreaterThan(marketSnapshot([symbol]).takenAt)
  })
})
