import { describe, expect, it } from 'vitest'
import { applyBreakerInput, classifyBook, createBreaker, restoreBreaker, restoreBreakerOrHalt, serializeBreaker } from '../../../src/main/core/risk'
import { DEFAULT_RISK_CONFIG } from '../../../src/shared/domain/risk'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const thresholds = DEFAULT_RISK_CONFIG.breakers

function busyBreaker() {
  let state = createBreaker('account', 'acct-1', T0)
  const inputs = [
    { kind: 'equity', at: T0, equity: 100_000 },
    { kind: 'api_call', at: T0 + 1, ok: false },
    { kind: 'mark', at: T0 + 2, symbol: 'BTC/USDT:USDT', price: 50_000 },
    { kind: 'book', at: T0 + 3, symbol: 'ETH/USDT', condition: 'stale' },
    { kind: 'connection', at: T0 + 4, connected: false },
    { kind: 'trade_closed', at: T0 + 5, pnl: -3 },
    { kind: 'equity', at: T0 + 6, equity: 94_000 },
  ] as const
  for (const input of inputs) state = applyBreakerInput(state, input, thresholds).state
  return state
}

describe('breaker persistence', () => {
  it('round-trips through JSON text unchanged', () => {
    const state = busyBreaker()
    expect(state.state).toBe('halted')
    const restored = restoreBreaker(serializeBreaker(state))
    expect(restored).toEqual({ ok: true, state })
  })

  it('keeps a halt across a restart: recovery after restoring does not lift it', () => {
    const restored = restoreBreakerOrHalt(serializeBreaker(busyBreaker()), 'account', 'acct-1', T0 + 100)
    const after = applyBreakerInput(restored, { kind: 'equity', at: T0 + 200, equity: 120_000 }, thresholds)
    expect(after.state.state).toBe('halted')
  })

  it('refuses corrupt or mis-shaped records with a reason', () => {
    expect(restoreBreaker('{not json')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') })
    expect(restoreBreaker({ ...createBreaker('desk', 'desk', T0), state: 'melted' })).toMatchObject({ ok: false, error: expect.stringContaining('state') })
  })

  it('starts halted when the stored record is unreadable, active when there is none', () => {
    const unreadable = restoreBreakerOrHalt('garbage', 'pilot', 'p1', T0)
    expect(unreadable.state).toBe('halted')
    expect(unreadable.halt).toMatchObject({ by: 'restore', reasons: [{ rule: 'manual', message: expect.stringContaining('could not be restored') }] })
    expect(restoreBreakerOrHalt(null, 'pilot', 'p1', T0).state).toBe('active')
  })
})

describe('book classification for the breakers', () => {
  const now = 1_000_000
  it('tells ok, crossed, empty and stale books apart', () => {
    expect(classifyBook({ bids: [[99, 1]], asks: [[100, 1]], timestamp: now }, now, 5_000)).toBe('ok')
    expect(classifyBook({ bids: [[100, 1]], asks: [[100, 1]], timestamp: now }, now, 5_000)).toBe('crossed')
    expect(classifyBook({ bids: [], asks: [[100, 1]], timestamp: now }, now, 5_000)).toBe('empty')
    expect(classifyBook({ bids: [[99, 1]], asks: [[Number.NaN, 1]], timestamp: now }, now, 5_000)).toBe('empty')
    expect(classifyBook({ bids: [[99, 1]], asks: [[100, 1]], timestamp: now - 5_001 }, now, 5_000)).toBe('stale')
  })
})
