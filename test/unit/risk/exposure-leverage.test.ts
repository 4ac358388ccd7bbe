import { describe, expect, it } from 'vitest'
import { ETH_SPOT, BTC_SWAP, codes, judge, longPosition } from './fixtures'

// One contract is 0.01 BTC: at 50,000 it is worth 500. Equity 1,000,000 by default,
// so the 1% equity share (10,000) sits above the 5,000 order cap.
const passive = { price: 50_000 } // a buy limit below the ask: valued at exactly 500 a contract

describe('order notional caps', () => {
  it('refuses an order above maxOrderNotional and passes one at it', () => {
    const verdict = judge({ ...passive, amount: 11 })
    expect(codes(verdict)).toEqual(['notional_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 5_000, actual: 5_500 })
    expect(codes(judge({ ...passive, amount: 10 }))).toEqual([])
  })

  it('refuses an order above the equity share and passes one at it', () => {
    const verdict = judge({ ...passive, amount: 3 }, { equity: 100_000 })
    expect(codes(verdict)).toEqual(['notional_above_equity_share'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 1_000, actual: 1_500 })
    expect(judge({ ...passive, amount: 2 }, { equity: 100_000 }).decision).toBe('accept')
  })

  it('counts zero or negative equity as no room at all', () => {
    expect(codes(judge({ ...passive }, { equity: -5 }))).toEqual(['notional_above_equity_share'])
  })
})

describe('position and gross exposure caps', () => {
  it('refuses a position above maxPositionNotional and passes one at it', () => {
    const verdict = judge({ ...passive, amount: 10 }, { positions: [longPosition(31)] })
    expect(codes(verdict)).toEqual(['position_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 20_000, actual: 20_500 })
    expect(judge({ ...passive, amount: 10 }, { positions: [longPosition(30)] }).decision).toBe('accept')
  })

  it('counts working orders on the same side toward the position', () => {
    const openOrders = [{ symbol: BTC_SWAP.symbol, side: 'buy' as const, amount: 2, notional: 1_000 }]
    expect(codes(judge({ ...passive, amount: 10 }, { positions: [longPosition(30)], openOrders }))).toEqual(['position_above_cap'])
  })

  it('refuses gross exposure above the cap, counting other markets and working orders', () => {
    const positions = [{ symbol: 'ETH/USDT:USDT', side: 'short' as const, contracts: 400, notional: 40_000 }]
    const openOrders = [{ symbol: 'SOL/USDT:USDT', side: 'buy' as const, amount: 60, notional: 6_000 }]
    const verdict = judge({ ...passive, amount: 10 }, { positions, openOrders })
    expect(codes(verdict)).toEqual(['gross_exposure_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 50_000, actual: 51_000 })
    expect(judge({ ...passive, amount: 8 }, { positions, openOrders }).decision).toBe('accept')
  })
})

describe('leverage', () => {
  it('refuses a requested leverage above the desk cap', () => {
    const verdict = judge({ leverage: 20 })
    expect(codes(verdict)).toEqual(['leverage_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 10, actual: 20 })
  })

  it("refuses a leverage above the market's own maximum", () => {
    const verdict = judge({ leverage: 8 }, { instrument: { ...BTC_SWAP, maxLeverage: 5 } })
    expect(codes(verdict)).toEqual(['leverage_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: 5, actual: 8 })
  })

  it('refuses any leverage above 1 on spot', () => {
    const context = { instrument: ETH_SPOT, mark: { markPrice: 3000, timestamp: 1_700_000_000_000 }, book: { bids: [[2999.99, 5]] as [number, number][], asks: [[3000, 5]] as [number, number][], timestamp: 1_700_000_000_000 } }
    expect(codes(judge({ symbol: 'ETH/USDT', amount: 0.01, price: 3000, leverage: 2 }, context))).toEqual(['leverage_above_cap'])
  })

  it('refuses a malformed leverage without a limit', () => {
    const verdict = judge({ leverage: 0.5 })
    expect(codes(verdict)).toEqual(['leverage_above_cap'])
    expect(verdict.reasons[0]).toMatchObject({ limit: null, actual: 0.5 })
  })

  it('refuses an account leverage above the cap, gross exposure over equity', () => {
    const positions = [{ symbol: 'ETH/USDT:USDT', side: 'long' as const, contracts: 280, notional: 28_000 }]
    const context = { equity: 3_000, positions }
    const verdict = judge({ ...passive, amount: 5 }, context, { maxOrderEquityPct: 100 })
    expect(codes(verdict)).toEqual(['leverage_above_cap'])
    expect(verdict.reasons[0]!.actual).toBeCloseTo(30_500 / 3_000, 9)
    expect(judge({ ...passive, amount: 4 }, context, { maxOrderEquityPct: 100 }).decision).toBe('accept')
  })
})

describe('approval', () => {
  it('needs approval above approvalNotional', () => {
    expect(judge({ ...passive, amount: 5 }).needsApproval).toBe(true)
    expect(judge({ ...passive, amount: 4 }).needsApproval).toBe(false)
  })

  it('needs approval when the leverage is raised, not when it is kept or lowered', () => {
    expect(judge({ leverage: 8 }).needsApproval).toBe(true)
    expect(judge({ leverage: 5 }).needsApproval).toBe(false)
    expect(judge({ leverage: 2 }).needsApproval).toBe(false)
    expect(judge({ leverage: 3 }, { currentLeverage: null }).needsApproval).toBe(true)
  })

  it('never asks for approval on a rejected intent', () => {
    const verdict = judge({ ...passive, amount: 11 })
    expect(verdict.decision).toBe('reject')
    expect(verdict.needsApproval).toBe(false)
  })
})

describe('risk-reducing orders', () => {
  const bigLong = { positions: [longPosition(100)] } // 50,000: already above the position cap

  it('are exempt from notional, position and list caps', () => {
    const verdict = judge({ side: 'sell', price: 49_999.9, amount: 60 }, bigLong, { denySymbols: [BTC_SWAP.symbol] })
    expect(verdict.decision).toBe('accept')
    expect(verdict.needsApproval).toBe(true)
  })

  it('do not need approval when the kill switch flattens', () => {
    const verdict = judge({ side: 'sell', price: 49_999.9, amount: 100, origin: { kind: 'kill_switch' } }, bigLong)
    expect(verdict.decision).toBe('accept')
    expect(verdict.needsApproval).toBe(false)
  })

  it('stop being reductions when they would flip the position', () => {
    expect(codes(judge({ side: 'sell', price: 49_999.9, amount: 101 }, bigLong))).toContain('notional_above_cap')
  })

  it('count same-side working orders toward the position they reduce', () => {
    const openOrders = [{ symbol: BTC_SWAP.symbol, side: 'sell' as const, amount: 50, notional: 25_000 }]
    expect(codes(judge({ side: 'sell', price: 49_999.9, amount: 60 }, { ...bigLong, openOrders }))).toContain('notional_above_cap')
  })

  it('count a reduce-only order only when there is a position to reduce', () => {
    expect(judge({ side: 'sell', price: 49_999.9, amount: 500, reduceOnly: true }, bigLong).decision).toBe('accept')
    expect(codes(judge({ side: 'buy', amount: 500, reduceOnly: true, ...passive }, bigLong))).toContain('notional_above_cap')
  })
})
