import { describe, expect, it } from 'vitest'
import { applyBreakerInput, createBreaker, effectiveBreakerState, engageHalt, liftHalt, pauseBreaker, resumeBreaker, worstBreakerState, type BreakerInput, type BreakerMachineState, type BreakerThresholds } from '../../../src/main/core/risk'
import { DEFAULT_RISK_CONFIG } from '../../../src/shared/domain/risk'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const DAY = 86_400_000
// Defaults: daily 5%, peak 15%, 5 losses, 20% errors, 3%/min, 30 s disconnected.
const DEFAULTS = DEFAULT_RISK_CONFIG.breakers

/** Feeds inputs in order; returns the final machine and every state change. */
function run(inputs: BreakerInput[], thresholds: BreakerThresholds = DEFAULTS, start: BreakerMachineState = createBreaker('account', 'acct-1', T0)) {
  let state = start
  const changes: string[] = []
  for (const input of inputs) {
    const step = applyBreakerInput(state, input, thresholds)
    state = step.state
    if (step.transition) changes.push(`${step.transition.from}->${step.transition.to}`)
  }
  return { state, changes }
}
const equity = (at: number, value: number): BreakerInput => ({ kind: 'equity', at, equity: value })
const trade = (at: number, pnl: number): BreakerInput => ({ kind: 'trade_closed', at, pnl })

describe('breaker: daily drawdown', () => {
  it('reduces at 70% of the limit, recovers by itself, halts at 100% and stays halted', () => {
    const calm = run([equity(T0, 100_000), equity(T0 + 1, 96_600)])
    expect(calm.state.state).toBe('active')
    const { state, changes } = run([equity(T0, 100_000), equity(T0 + 1, 96_500), equity(T0 + 2, 98_000), equity(T0 + 3, 95_000), equity(T0 + 4, 100_000)])
    expect(changes).toEqual(['active->reducing', 'reducing->active', 'active->halted'])
    expect(state.state).toBe('halted')
    expect(state.halt).toMatchObject({ by: 'breaker', reasons: [{ rule: 'daily_drawdown', tier: 'halted', limit: 5, actual: 5 }] })
  })

  it('measures from the first equity of each UTC day', () => {
    const { state } = run([equity(T0, 100_000), equity(T0 + DAY, 96_000), equity(T0 + DAY + 1, 95_000)], { ...DEFAULTS, peakDrawdownPct: 100 })
    // 5% below yesterday's equity, but only 1.04% below today's first snapshot.
    expect(state.state).toBe('active')
    expect(state.trips).toEqual([])
    expect(state.metrics.dayStartEquity).toBe(96_000)
  })
})

describe('breaker: peak drawdown', () => {
  it('reduces and halts on the fall from the peak across days', () => {
    const off = { ...DEFAULTS, dailyDrawdownPct: 100 }
    const reducing = run([equity(T0, 100_000), equity(T0 + 1, 120_000), equity(T0 + DAY, 107_000)], off)
    expect(reducing.state.trips).toMatchObject([{ rule: 'peak_drawdown', tier: 'reducing', limit: 10.5 }])
    expect(run([equity(T0, 120_000), equity(T0 + DAY, 102_000)], off).state.state).toBe('halted')
  })
})

describe('breaker: consecutive losses', () => {
  it('reduces at 4 of 5 losses, resets on a win, halts at 5', () => {
    expect(run([trade(T0, -1), trade(T0, -1), trade(T0, -1)]).state.state).toBe('active')
    const { changes, state } = run([trade(T0, -1), trade(T0, -1), trade(T0, -1), trade(T0, -1), trade(T0, 5), ...Array.from({ length: 5 }, () => trade(T0, -2))])
    expect(changes).toEqual(['active->reducing', 'reducing->active', 'active->reducing', 'reducing->halted'])
    expect(state.halt!.reasons[0]).toMatchObject({ rule: 'consecutive_losses', actual: 5, limit: 5 })
  })
})

describe('breaker: API error rate', () => {
  const calls = (n: number, failures: number, at = T0): BreakerInput[] => Array.from({ length: n }, (_, i) => ({ kind: 'api_call', at: at + i, ok: i < n - failures }))

  it('says nothing below ten calls', () => {
    expect(run(calls(9, 9)).state.state).toBe('active')
  })

  it('reduces at 14% and halts at 20% of the last minute', () => {
    expect(run(calls(20, 2)).state.state).toBe('active')
    expect(run(calls(20, 3)).state.trips[0]).toMatchObject({ rule: 'api_error_rate', tier: 'reducing', actual: 15 })
    expect(run(calls(10, 2)).state.state).toBe('halted')
  })

  it('forgets calls older than the window', () => {
    const { state } = run([...calls(20, 3), ...calls(10, 0, T0 + 61_000)])
    expect(state.state).toBe('active')
    expect(state.metrics.apiCalls).toHaveLength(10)
  })
})

describe('breaker: volatility', () => {
  const mark = (at: number, price: number): BreakerInput => ({ kind: 'mark', at, symbol: 'BTC/USDT:USDT', price })

  it('reduces at 2.1% and halts at 3% within a minute', () => {
    expect(run([mark(T0, 50_000), mark(T0 + 30_000, 51_000)]).state.state).toBe('active')
    expect(run([mark(T0, 50_000), mark(T0 + 30_000, 51_100)]).state.trips[0]).toMatchObject({ rule: 'volatility', tier: 'reducing' })
    expect(run([mark(T0, 50_000), mark(T0 + 30_000, 48_500)]).state.state).toBe('halted')
  })

  it('compares only marks within the last minute', () => {
    expect(run([mark(T0, 50_000), mark(T0 + 61_000, 51_400)]).state.state).toBe('active')
  })
})

describe('breaker: book anomalies and disconnection', () => {
  const book = (at: number, condition: 'ok' | 'crossed' | 'empty' | 'stale'): BreakerInput => ({ kind: 'book', at, symbol: 'BTC/USDT:USDT', condition })

  it('reduces on an anomaly at once, recovers when the book is fine, halts when it lasts', () => {
    expect(run([book(T0, 'crossed'), book(T0 + 1_000, 'ok')]).changes).toEqual(['active->reducing', 'reducing->active'])
    const lasting = run([book(T0, 'crossed'), book(T0 + 10_000, 'empty'), { kind: 'tick', at: T0 + 30_000 }])
    expect(lasting.changes).toEqual(['active->reducing', 'reducing->halted'])
    expect(lasting.state.halt!.reasons[0]!.message).toContain('BTC/USDT:USDT empty')
  })

  it('reduces after 70% of the disconnect limit and halts at it; reconnecting does not lift the halt', () => {
    const down: BreakerInput = { kind: 'connection', at: T0, connected: false }
    expect(run([down, { kind: 'tick', at: T0 + 20_999 }]).state.state).toBe('active')
    expect(run([down, { kind: 'tick', at: T0 + 21_000 }]).state.state).toBe('reducing')
    const { state, changes } = run([down, { kind: 'tick', at: T0 + 21_000 }, { kind: 'tick', at: T0 + 30_000 }, { kind: 'connection', at: T0 + 31_000, connected: true }])
    expect(changes).toEqual(['active->reducing', 'reducing->halted'])
    expect(state.state).toBe('halted')
    expect(state.metrics.disconnectedSince).toBeNull()
  })
})

describe('breaker: halts, lifts and pauses', () => {
  it('lifts only by a person, then measures new damage from the present', () => {
    const halted = run([equity(T0, 100_000), equity(T0 + 1, 94_000)]).state
    expect(liftHalt(halted, { by: 'pilot' as 'human', at: T0 + 2, thresholds: DEFAULTS }).state.state).toBe('halted')
    const lifted = liftHalt(halted, { by: 'human', at: T0 + 2, thresholds: DEFAULTS })
    expect(lifted.transition).toMatchObject({ from: 'halted', to: 'active' })
    expect(run([equity(T0 + 3, 93_000)], DEFAULTS, lifted.state).state.state).toBe('active')
    expect(run([equity(T0 + 3, 89_000)], DEFAULTS, lifted.state).state.state).toBe('halted')
  })

  it('halts by hand and keeps every reason', () => {
    const first = engageHalt(createBreaker('desk', 'desk', T0), { by: 'kill_switch', at: T0, reason: 'trader pressed the kill switch' })
    expect(first.transition).toMatchObject({ from: 'active', to: 'halted' })
    const second = engageHalt(first.state, { by: 'human', at: T0 + 1, reason: 'again' })
    expect(second.transition).toBeNull()
    expect(second.state.halt!.reasons.map((r) => r.rule)).toEqual(['manual', 'manual'])
  })

  it('pauses separately from a halt', () => {
    const paused = pauseBreaker(createBreaker('pilot', 'p1', T0), { by: 'trader', at: T0, reason: 'lunch' })
    expect(paused.state).toBe('active')
    expect(effectiveBreakerState(paused)).toBe('reducing')
    expect(effectiveBreakerState(resumeBreaker(paused, T0 + 1))).toBe('active')
    const halted = engageHalt(paused, { by: 'human', at: T0 + 2, reason: 'stop' }).state
    expect(effectiveBreakerState(resumeBreaker(halted, T0 + 3))).toBe('halted')
  })

  it('ignores non-finite inputs and never moves time backwards', () => {
    const { state } = run([equity(T0, 100_000), equity(T0 + 10, Number.NaN), trade(T0 + 20, Number.NaN), { kind: 'mark', at: T0, symbol: 'X', price: -1 }, { kind: 'tick', at: Number.NaN }, equity(T0 + 5, 99_000)])
    expect(state.state).toBe('active')
    expect(state.metrics.lastEquity).toBe(99_000)
    expect(state.updatedAt).toBe(T0 + 20)
  })

  it('combines scopes worst first', () => {
    expect(worstBreakerState(['active', 'reducing'])).toBe('reducing')
    expect(worstBreakerState(['reducing', 'halted', 'active'])).toBe('halted')
    expect(worstBreakerState([])).toBe('active')
  })
})
