import { describe, expect, it } from 'vitest'
import { NOW, codes, judge, longPosition } from './fixtures'

const reduction = { side: 'sell' as const, price: 49_999.9, amount: 10 }
const holding = { positions: [longPosition(100)] }
const killSwitch = { origin: { kind: 'kill_switch' as const } }

describe('account rules', () => {
  it('refuses an unknown account', () => {
    expect(codes(judge({}, { account: null }))).toEqual(['account_unknown'])
    expect(codes(judge({ accountId: 'acct-2' }))).toEqual(['account_unknown'])
  })

  it('refuses an account on another venue', () => {
    expect(codes(judge({}, { account: { id: 'acct-1', venue: 'binance', mode: 'paper', liveEnabled: false } }))).toContain('account_unknown')
  })

  it('refuses a live account until live trading is enabled, reductions included', () => {
    const live = { id: 'acct-1', venue: 'okx', mode: 'live' as const, liveEnabled: false }
    expect(codes(judge({}, { account: live }))).toEqual(['live_trading_disabled'])
    expect(codes(judge(reduction, { ...holding, account: live }))).toEqual(['live_trading_disabled'])
    expect(judge({}, { account: { ...live, liveEnabled: true } }).decision).toBe('accept')
  })
})

describe('breaker gate: reducing', () => {
  it('refuses a new entry in any reducing scope and names the scope', () => {
    const verdict = judge({ origin: { kind: 'pilot', pilotId: 'p1', decisionId: 'd1' } }, { breakers: { desk: 'active', account: 'active', pilot: 'reducing' } })
    expect(codes(verdict)).toEqual(['breaker_reducing'])
    expect(verdict.reasons[0]!.message).toContain('pilot')
    expect(codes(judge({}, { breakers: { desk: 'reducing', account: 'active', pilot: null } }))).toEqual(['breaker_reducing'])
  })

  it('lets a risk-reducing order through', () => {
    expect(judge(reduction, { ...holding, breakers: { desk: 'reducing', account: 'reducing', pilot: 'reducing' } }).decision).toBe('accept')
  })

  it('refuses an order that would flip the position', () => {
    expect(codes(judge({ ...reduction, amount: 101 }, { ...holding, breakers: { desk: 'reducing', account: 'active', pilot: null } }))).toContain('breaker_reducing')
  })
})

describe('breaker gate: halted', () => {
  const halted = { breakers: { desk: 'active' as const, account: 'halted' as const, pilot: null } }

  it('refuses everything, reductions included, from anyone but the kill switch', () => {
    expect(codes(judge({}, halted))).toEqual(['breaker_halted'])
    expect(codes(judge(reduction, { ...holding, ...halted }))).toEqual(['breaker_halted'])
  })

  it('lets a kill-switch flatten through', () => {
    const verdict = judge({ ...reduction, ...killSwitch }, { ...holding, ...halted })
    expect(verdict.decision).toBe('accept')
    expect(verdict.needsApproval).toBe(false)
  })

  it('refuses a kill-switch order that would open exposure', () => {
    expect(codes(judge(killSwitch, halted))).toEqual(['breaker_halted'])
  })

  it('wins over reducing when scopes disagree', () => {
    expect(codes(judge({}, { breakers: { desk: 'reducing', account: 'active', pilot: 'halted' } }))).toEqual(['breaker_halted'])
  })
})

describe('every failing reason is listed', () => {
  it('collects reasons from every rule family at once, with an estimate', () => {
    const verdict = judge(
      { amount: 11.5, price: 53_000.05, leverage: 50, stopLoss: 60_000 },
      {
        account: { id: 'acct-1', venue: 'okx', mode: 'live', liveEnabled: false },
        breakers: { desk: 'halted', account: 'active', pilot: null },
        mark: { markPrice: 50_000, timestamp: NOW - 60_000 },
        recentOrderTimestamps: Array.from({ length: 5 }, () => NOW - 10),
        recentIntents: [{ id: 'intent-0000', accountId: 'acct-1', symbol: 'BTC/USDT:USDT', side: 'buy', type: 'limit', amount: 11.5, price: 53_000.05, createdAt: NOW - 1 }],
      },
      { denySymbols: ['BTC/USDT:USDT'] },
    )
    expect(verdict.decision).toBe('reject')
    expect(new Set(codes(verdict))).toEqual(
      new Set(['live_trading_disabled', 'breaker_halted', 'symbol_denied', 'invalid_size', 'invalid_price', 'price_outside_band', 'leverage_above_cap', 'notional_above_cap', 'market_data_stale', 'order_rate_exceeded', 'duplicate_intent']),
    )
    expect(codes(verdict).filter((c) => c === 'invalid_price')).toHaveLength(2) // off tick, and the stop on the wrong side
    for (const r of verdict.reasons) expect(r.message.length).toBeGreaterThan(10)
    expect(verdict.estimate.referencePrice).toBe(50_000)
    expect(verdict.estimate.fillProbability).toBe(1)
    expect(verdict.estimate.notional).toBeCloseTo(11.5 * 0.01 * 53_000.05, 6)
  })

  it('is deterministic: the same snapshot gives the same verdict', () => {
    expect(judge({ amount: 11 }, { book: null })).toEqual(judge({ amount: 11 }, { book: null }))
  })
})
