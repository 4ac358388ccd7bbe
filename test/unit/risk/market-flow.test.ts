import { describe, expect, it } from 'vitest'
import { NOW, codes, judge, longPosition } from './fixtures'

const reduction = { side: 'sell' as const, price: 49_999.9, amount: 10 }
const holding = { positions: [longPosition(100)] }

describe('market data freshness', () => {
  it('refuses a new entry without a book or a mark', () => {
    expect(codes(judge({}, { book: null }))).toEqual(['market_data_missing'])
    expect(codes(judge({}, { mark: null }))).toEqual(['market_data_missing'])
    expect(codes(judge({}, { book: { bids: [], asks: [], timestamp: NOW } }))).toEqual(['market_data_missing'])
  })

  it('refuses a new entry on a stale book or mark, and passes at the limit', () => {
    const staleBook = judge({}, { book: { bids: [[49_999.9, 10]], asks: [[50_000.1, 10]], timestamp: NOW - 6_000 } })
    expect(codes(staleBook)).toEqual(['market_data_stale'])
    expect(staleBook.reasons[0]).toMatchObject({ limit: 5_000, actual: 6_000 })
    expect(codes(judge({}, { mark: { markPrice: 50_000, timestamp: NOW - 5_001 } }))).toEqual(['market_data_stale'])
    expect(judge({}, { mark: { markPrice: 50_000, timestamp: NOW - 5_000 } }).decision).toBe('accept')
  })

  it('counts a NaN timestamp as stale', () => {
    expect(codes(judge({}, { mark: { markPrice: 50_000, timestamp: Number.NaN } }))).toEqual(['market_data_stale'])
  })

  it('values a reduction without market data at the position, so a large one still needs approval', () => {
    const verdict = judge({ side: 'sell', type: 'market', price: null, amount: 10 }, { ...holding, book: null, mark: null })
    expect(verdict.decision).toBe('accept')
    expect(verdict.estimate.notional).toBe(5_000)
    expect(verdict.needsApproval).toBe(true)
  })

  it('lets a risk-reducing order through on stale or missing data', () => {
    expect(judge(reduction, { ...holding, book: null, mark: null }).decision).toBe('accept')
    expect(judge(reduction, { ...holding, book: { bids: [[49_999.9, 10]], asks: [], timestamp: NOW - 60_000 }, mark: { markPrice: 50_000, timestamp: NOW - 60_000 } }).decision).toBe('accept')
  })
})

describe('order rate throttle', () => {
  const within = (n: number) => Array.from({ length: n }, (_, i) => NOW - 100 * i)

  it('refuses the order that would exceed maxOrdersPerSecond and passes the last one allowed', () => {
    const verdict = judge({}, { recentOrderTimestamps: within(5) })
    expect(codes(verdict)).toEqual(['order_rate_exceeded'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 5, actual: 6 })
    expect(judge({}, { recentOrderTimestamps: within(4) }).decision).toBe('accept')
  })

  it('forgets orders older than the window', () => {
    expect(judge({}, { recentOrderTimestamps: [...within(4), NOW - 1_000, NOW - 5_000] }).decision).toBe('accept')
  })

  it('widens the window for rates below one a second', () => {
    expect(codes(judge({}, { recentOrderTimestamps: [NOW - 1_500] }, { maxOrdersPerSecond: 0.5 }))).toEqual(['order_rate_exceeded'])
    expect(judge({}, { recentOrderTimestamps: [NOW - 2_500] }, { maxOrdersPerSecond: 0.5 }).decision).toBe('accept')
  })

  it('does not throttle kill-switch flattening', () => {
    expect(judge({ ...reduction, origin: { kind: 'kill_switch' } }, { ...holding, recentOrderTimestamps: within(50) }).decision).toBe('accept')
  })
})

describe('duplicate intents', () => {
  const earlier = { id: 'intent-0000', accountId: 'acct-1', symbol: 'BTC/USDT:USDT', side: 'buy' as const, type: 'limit' as const, amount: 1, price: 50_000.1, createdAt: NOW - 5_000 }

  it('refuses the same order within the window', () => {
    const verdict = judge({}, { recentIntents: [earlier] })
    expect(codes(verdict)).toEqual(['duplicate_intent'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 10_000, actual: 5_000 })
    expect(verdict.reasons[0]!.message).toContain('intent-0000')
  })

  it('passes once the window has passed, and at its edge refuses', () => {
    expect(judge({}, { recentIntents: [{ ...earlier, createdAt: NOW - 10_001 }] }).decision).toBe('accept')
    expect(codes(judge({}, { recentIntents: [{ ...earlier, createdAt: NOW - 10_000 }] }))).toEqual(['duplicate_intent'])
  })

  it('passes an order differing in any identifying field', () => {
    for (const change of [{ amount: 2 }, { price: 50_000.2 }, { side: 'sell' as const }, { type: 'market' as const }, { symbol: 'ETH/USDT:USDT' }, { accountId: 'acct-2' }]) {
      expect(judge({}, { recentIntents: [{ ...earlier, ...change }] }).decision).toBe('accept')
    }
  })

  it('ignores the price of market orders and the intent judged again under its own id', () => {
    expect(codes(judge({ type: 'market', price: null }, { recentIntents: [{ ...earlier, type: 'market', price: 1 }] }))).toEqual(['duplicate_intent'])
    expect(judge({}, { recentIntents: [{ ...earlier, id: 'intent-0001' }] }).decision).toBe('accept')
  })

  it('is off with a zero window', () => {
    expect(judge({}, { recentIntents: [{ ...earlier, createdAt: NOW }] }, { duplicateWindowMs: 0 }).decision).toBe('accept')
  })
})
