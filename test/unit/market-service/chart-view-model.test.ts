import { describe, expect, it } from 'vitest'
import { decimalsOf, formatCompact, formatFixed, spreadOf } from '../../../src/renderer/src/pages/chart/format-market'
import { ladderSide } from '../../../src/renderer/src/pages/chart/ladder-rows'
import {
  candleUpdated,
  EMPTY_FEED,
  feedStatusChanged,
  isWatched,
  TAPE_LENGTH,
  tickerUpdated,
  tradesPrinted,
  watchStarting,
  type MarketFeedState,
} from '../../../src/renderer/src/stores/market-feed-store'
import type { Candle, Ticker, Trade } from '../../../src/shared/domain/market'

// The Chart page's pure parts: formatting, the ladder's rows and the store's reducers.

const BTC = { venue: 'sim', symbol: 'BTC/USDT:USDT', timeframe: '1m' as const }
const bar = (timestamp: number, close = 1): Candle => ({ timestamp, open: 1, high: 2, low: 0.5, close, volume: 1 })
const trade = (id: number): Trade => ({ venue: 'sim', symbol: BTC.symbol, id: String(id), price: 100, amount: 1, side: 'buy', timestamp: id })
const ticker = (last: number): Ticker => ({ venue: 'sim', symbol: BTC.symbol, bid: last - 1, ask: last + 1, bidSize: 1, askSize: 1, last, baseVolume: 10, timestamp: 0 })

describe('chart formatting', () => {
  it('derives decimals from a price or size step', () => {
    expect([0.1, 0.01, 0.0005, 1, 5, 1e-7, 2.5e-7].map(decimalsOf)).toEqual([1, 2, 4, 0, 0, 7, 8])
  })

  it('groups digits the same in every UI language and shows a dash for missing values', () => {
    expect(formatFixed(65012.3, 1)).toBe('65,012.3')
    expect(formatFixed(null, 2)).toBe('—')
    expect(formatCompact(13_296.4)).toBe('13.30K')
    expect(formatCompact(2_500_000)).toBe('2.50M')
    expect(formatCompact(42.126)).toBe('42.13')
  })

  it('measures the spread in price and basis points of the mid', () => {
    expect(spreadOf(99, 101)).toEqual({ spread: 2, bps: 200, mid: 100 })
    expect(spreadOf(null, 101)).toBeNull()
  })

  it('builds ladder rows with running totals from the touch outward', () => {
    expect(ladderSide([[100, 1], [99, 2], [98, 3]], 2)).toEqual([
      { price: 100, size: 1, total: 1 },
      { price: 99, size: 2, total: 3 },
    ])
  })
})

describe('market feed store', () => {
  const ready = (): MarketFeedState => ({ ...watchStarting(EMPTY_FEED, BTC), phase: 'ready', history: [bar(60_000)] })

  it('keeps book, ticker and tape across a timeframe change but not across a symbol change', () => {
    const live = { ...ready(), ticker: ticker(100), trades: [trade(1)] }
    expect(watchStarting(live, { ...BTC, timeframe: '5m' })).toMatchObject({ phase: 'loading', ticker: live.ticker, trades: live.trades, history: [] })
    expect(watchStarting(live, { ...BTC, symbol: 'ETH/USDT:USDT' })).toMatchObject({ phase: 'loading', ticker: null, trades: [] })
  })

  it('only accepts events of the watched symbol', () => {
    expect(isWatched(ready(), 'sim', BTC.symbol)).toBe(true)
    expect(isWatched(ready(), 'sim', 'ETH/USDT:USDT')).toBe(false)
    expect(isWatched(EMPTY_FEED, 'sim', BTC.symbol)).toBe(false)
  })

  it('keeps the newest trades first and at most a tape length', () => {
    let state = ready()
    state = { ...state, ...tradesPrinted(state, { venue: 'sim', symbol: BTC.symbol, trades: [trade(1), trade(2)], dropped: 0 }) }
    expect(state.trades.map((t) => t.id)).toEqual(['2', '1'])
    const many = Array.from({ length: 80 }, (_, i) => trade(10 + i))
    state = { ...state, ...tradesPrinted(state, { venue: 'sim', symbol: BTC.symbol, trades: many, dropped: 0 }) }
    expect(state.trades).toHaveLength(TAPE_LENGTH)
    expect(state.trades[0]!.id).toBe('89')
  })

  it('applies candles of the watched timeframe after the history, never older than the last bar', () => {
    const update = (timestamp: number, timeframe: '1m' | '5m' = '1m') => ({ venue: 'sim', symbol: BTC.symbol, timeframe, candle: bar(timestamp, 7) })
    expect(candleUpdated(watchStarting(EMPTY_FEED, BTC), update(60_000))).toEqual({}) // still loading
    expect(candleUpdated(ready(), update(60_000, '5m'))).toEqual({})
    expect(candleUpdated(ready(), update(0))).toEqual({})
    expect(candleUpdated(ready(), update(120_000))).toEqual({ lastCandle: bar(120_000, 7) })
  })

  it('colours the last price by the direction of its last move', () => {
    let state = ready()
    state = { ...state, ...tickerUpdated(state, ticker(100)) }
    expect(state.tickDirection).toBeNull()
    state = { ...state, ...tickerUpdated(state, ticker(101)) }
    expect(state.tickDirection).toBe('up')
    state = { ...state, ...tickerUpdated(state, ticker(101)) }
    expect(state.tickDirection).toBe('up')
    state = { ...state, ...tickerUpdated(state, ticker(99)) }
    expect(state.tickDirection).toBe('down')
  })

  it('tracks feed status per stream, ignoring candle streams of other timeframes', () => {
    const change = (stream: 'book' | 'candles', timeframe: '1m' | '5m' | null, status: 'live' | 'stale') => ({
      venue: 'sim',
      symbol: BTC.symbol,
      stream,
      timeframe,
      status,
      detail: null,
      at: 0,
    })
    expect(feedStatusChanged(ready(), change('book', null, 'stale'))).toEqual({ feeds: { book: 'stale' } })
    expect(feedStatusChanged(ready(), change('candles', '5m', 'live'))).toEqual({})
  })
})
