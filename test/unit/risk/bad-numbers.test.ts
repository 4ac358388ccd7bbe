import { describe, expect, it } from 'vitest'
import { codes, judge } from './fixtures'

describe('bad numbers never crash the engine', () => {
  for (const amount of [Number.NaN, -1, 0, -0, 1e308, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE]) {
    it(`refuses size ${amount} with invalid_size and a schema-valid verdict`, () => {
      const verdict = judge({ amount })
      expect(verdict.decision).toBe('reject')
      expect(codes(verdict)).toContain('invalid_size')
      expect(verdict.estimate.notional).toBe(0)
      // The reference survives a bad size: the estimate is filled in as far as the data allows.
      expect(verdict.estimate.referencePrice).toBe(50_000)
    })
  }

  it('refuses 1e308 on a market without a maximum or when the market is unknown', () => {
    expect(codes(judge({ amount: 1e308 }, { instrument: null }))).toEqual(expect.arrayContaining(['unknown_symbol', 'invalid_size']))
  })

  it('refuses a size too large to value', () => {
    const verdict = judge({ amount: 1e15, price: 1e300 }, { instrument: null })
    expect(codes(verdict)).toContain('invalid_size')
    expect(verdict.estimate.notional).toBe(0)
  })

  for (const price of [Number.NaN, -50_000, 0, Number.POSITIVE_INFINITY]) {
    it(`refuses limit price ${price} with invalid_price`, () => {
      const verdict = judge({ price })
      expect(codes(verdict)).toContain('invalid_price')
      expect(verdict.reasons.every((r) => r.limit === null || Number.isFinite(r.limit))).toBe(true)
    })
  }

  it('refuses an absurd finite price far off the mark', () => {
    expect(codes(judge({ price: 1e308 }))).toEqual(expect.arrayContaining(['price_outside_band', 'notional_above_cap']))
  })

  it('refuses non-finite stop loss, take profit and leverage', () => {
    expect(codes(judge({ stopLoss: Number.NaN, takeProfit: -1 }))).toEqual(['invalid_price', 'invalid_price'])
    expect(codes(judge({ leverage: Number.NaN }))).toEqual(['leverage_above_cap'])
    expect(codes(judge({ leverage: Number.POSITIVE_INFINITY }))).toEqual(['leverage_above_cap'])
  })

  it('survives NaN everywhere in the context', () => {
    const verdict = judge(
      {},
      {
        now: Number.NaN,
        equity: Number.NaN,
        mark: { markPrice: Number.NaN, timestamp: Number.NaN },
        book: { bids: [[Number.NaN, Number.NaN]], asks: [[Number.NaN, 1]], timestamp: Number.NaN },
        positions: [{ symbol: 'BTC/USDT:USDT', side: 'long', contracts: Number.NaN, notional: Number.NaN }],
        openOrders: [{ symbol: 'BTC/USDT:USDT', side: 'buy', amount: Number.NaN, notional: Number.NaN }],
        recentOrderTimestamps: [Number.NaN],
        recentIntents: [{ id: 'x', accountId: 'acct-1', symbol: 'BTC/USDT:USDT', side: 'buy', type: 'limit', amount: Number.NaN, price: Number.NaN, createdAt: Number.NaN }],
        currentLeverage: Number.NaN,
      },
    )
    expect(verdict.decision).toBe('reject')
    expect(codes(verdict)).toEqual(expect.arrayContaining(['market_data_stale', 'notional_above_equity_share']))
    expect(verdict.evaluatedAt).toBe(0)
  })

  it('refuses rather than throws when the context itself is malformed', () => {
    const verdict = judge({}, { positions: null as never })
    expect(verdict.decision).toBe('reject')
    expect(verdict.reasons[0]!.message).toContain('refused for safety')
  })
})
