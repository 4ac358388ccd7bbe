import { describe, expect, it } from 'vitest'
import { BTC_SWAP, ETH_SPOT, codes, judge } from './fixtures'

describe('risk engine: the baseline intent', () => {
  it('accepts a small limit buy at the touch with a clean estimate', () => {
    const verdict = judge()
    expect(verdict.decision).toBe('accept')
    expect(verdict.reasons).toEqual([])
    expect(verdict.needsApproval).toBe(false)
    expect(verdict.configVersion).toBe(1)
    expect(verdict.evaluatedAt).toBe(1_700_000_000_000)
    expect(verdict.estimate.notional).toBeCloseTo(500.001, 9)
    expect(verdict.estimate.averagePrice).toBe(50_000.1)
    expect(verdict.estimate.fillProbability).toBe(1)
  })
})

describe('symbol rules', () => {
  it('refuses an unknown symbol and names the closest known ones', () => {
    const verdict = judge({ symbol: 'BTCUSDT' }, { instrument: null })
    expect(codes(verdict)).toContain('unknown_symbol')
    const message = verdict.reasons.find((r) => r.code === 'unknown_symbol')!.message
    expect(message).toContain("'BTCUSDT'")
    expect(message).toMatch(/did you mean BTC\/USDT, /)
  })

  it('says so when no market list is loaded', () => {
    const verdict = judge({ symbol: 'XYZ/USDT' }, { instrument: null, knownSymbols: [] })
    expect(verdict.reasons[0]!.message).toContain('no market list')
  })

  it('treats an instrument for another market as unknown', () => {
    expect(codes(judge({ symbol: 'ETH/USDT:USDT' }))).toContain('unknown_symbol')
  })

  it('refuses an inactive market', () => {
    expect(codes(judge({}, { instrument: { ...BTC_SWAP, active: false } }))).toEqual(['symbol_not_allowed'])
  })

  it('applies the deny list', () => {
    expect(codes(judge({}, {}, { denySymbols: ['BTC/USDT:USDT'] }))).toEqual(['symbol_denied'])
    expect(judge({}, {}, { denySymbols: ['ETH/USDT'] }).decision).toBe('accept')
  })

  it('applies a non-empty allow list, and an empty one allows everything', () => {
    expect(codes(judge({}, {}, { allowSymbols: ['ETH/USDT'] }))).toEqual(['symbol_not_allowed'])
    expect(judge({}, {}, { allowSymbols: ['BTC/USDT:USDT'] }).decision).toBe('accept')
    expect(judge({}, {}, { allowSymbols: [] }).decision).toBe('accept')
  })
})

describe('size rules', () => {
  it('refuses a size off the step', () => {
    const verdict = judge({ amount: 1.5 })
    expect(codes(verdict)).toEqual(['invalid_size'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 1, actual: 1.5 })
  })

  it('refuses a size below one step, which would round to nothing', () => {
    const verdict = judge({ amount: 0.4 }, { instrument: { ...BTC_SWAP, minSize: 0 } })
    expect(codes(verdict)).toEqual(['invalid_size'])
    expect(verdict.reasons[0]!.message).toContain('less than one step')
  })

  it('forgives float dust on the step', () => {
    const spot = judge({ symbol: 'ETH/USDT', amount: 0.1 + 0.2, price: 3000 }, { instrument: ETH_SPOT, mark: { markPrice: 3000, timestamp: 1_700_000_000_000 - 100 }, book: { bids: [[2999.99, 5]], asks: [[3000, 5]], timestamp: 1_700_000_000_000 } })
    expect(spot.decision).toBe('accept')
  })

  it('refuses a size below the minimum and passes one at it', () => {
    const instrument = { ...BTC_SWAP, minSize: 2 }
    expect(codes(judge({ amount: 1 }, { instrument }))).toEqual(['size_below_minimum'])
    expect(judge({ amount: 2 }, { instrument }).decision).toBe('accept')
  })

  it('refuses a size above the maximum and passes one at it', () => {
    const instrument = { ...BTC_SWAP, maxSize: 3 }
    const verdict = judge({ amount: 4, type: 'limit', price: 49_999 }, { instrument })
    expect(codes(verdict)).toContain('size_above_maximum')
    expect(verdict.reasons.find((r) => r.code === 'size_above_maximum')).toMatchObject({ limit: 3, actual: 4 })
    expect(codes(judge({ amount: 3 }, { instrument }))).not.toContain('size_above_maximum')
  })

  it("refuses an order worth less than the venue's minimum order value", () => {
    const context = { instrument: ETH_SPOT, mark: { markPrice: 3000, timestamp: 1_700_000_000_000 }, book: { bids: [[2999.99, 5]] as [number, number][], asks: [[3000, 5]] as [number, number][], timestamp: 1_700_000_000_000 } }
    expect(codes(judge({ symbol: 'ETH/USDT', amount: 0.001, price: 3000 }, context))).toEqual(['size_below_minimum'])
    expect(judge({ symbol: 'ETH/USDT', amount: 0.002, price: 3000 }, context).decision).toBe('accept')
  })
})

describe('price rules', () => {
  it('refuses a limit order without a price', () => {
    expect(codes(judge({ price: null }))).toContain('invalid_price')
  })

  it('refuses a price off the tick and passes one on it', () => {
    const verdict = judge({ price: 50_000.15 })
    expect(codes(verdict)).toEqual(['invalid_price'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 0.1, actual: 50_000.15 })
    expect(judge({ price: 50_000.2 }).decision).toBe('accept')
  })

  it('refuses a limit price outside the band around the mark, on either side', () => {
    const high = judge({ price: 51_500 })
    expect(codes(high)).toContain('price_outside_band')
    expect(high.reasons.find((r) => r.code === 'price_outside_band')).toMatchObject({ limit: 2, actual: 3 })
    expect(codes(judge({ side: 'sell', price: 48_000 }))).toContain('price_outside_band')
    expect(codes(judge({ price: 49_000 }))).not.toContain('price_outside_band')
  })

  it('does not band a market order', () => {
    expect(judge({ type: 'market', price: null }).decision).toBe('accept')
  })

  it('refuses a stop loss or take profit on the wrong side of the entry', () => {
    expect(codes(judge({ stopLoss: 50_500 }))).toEqual(['invalid_price'])
    expect(codes(judge({ takeProfit: 49_000 }))).toEqual(['invalid_price'])
    expect(codes(judge({ side: 'sell', price: 49_999.9, stopLoss: 49_000, takeProfit: 51_000 }))).toEqual(['invalid_price', 'invalid_price'])
    expect(judge({ stopLoss: 49_000, takeProfit: 51_000 }).decision).toBe('accept')
  })
})
