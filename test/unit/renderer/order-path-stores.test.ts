import { describe, expect, it } from 'vitest'
import type { ManagedOrder } from '../../../src/shared/contract/domains/orders'
import type { AccountPortfolio } from '../../../src/shared/contract/domains/portfolio'
import { applyFill, applyOrders, EMPTY_ORDERS, forAccount, HISTORY_CAP, isWorking } from '../../../src/renderer/src/stores/orders-state'
import { appendEquityPoint, positionRows, totalsByCurrency } from '../../../src/renderer/src/stores/portfolio-state'
import { displayState, scopeKey, statusOf, upsertStatus } from '../../../src/renderer/src/stores/risk-state'
import { managedOrder as order } from './managed-order-fixture'

describe('blotter data', () => {
  it('keeps working orders and history apart, newest first', () => {
    let data = applyOrders(EMPTY_ORDERS, [order('a', { createdAt: 1 }), order('b', { createdAt: 3 }), order('c', { createdAt: 2, state: 'filled' })])
    expect(data.openIds).toEqual(['b', 'a'])
    expect(data.historyIds).toEqual(['c'])
    data = applyOrders(data, [order('a', { createdAt: 1, state: 'cancelled', updatedAt: 2_000 })])
    expect(data.openIds).toEqual(['b'])
    expect(data.historyIds).toEqual(['c', 'a'])
  })

  it('keeps the id lists themselves when only figures change, so tables do not re-render', () => {
    const data = applyOrders(EMPTY_ORDERS, [order('a')])
    const next = applyOrders(data, [order('a', { state: 'partially_filled', filled: 0.5, updatedAt: 2_000 })])
    expect(next.openIds).toBe(data.openIds)
    expect(next.historyIds).toBe(data.historyIds)
    expect(next.byId.a?.filled).toBe(0.5)
  })

  it('never lets a late snapshot roll an order back', () => {
    const data = applyOrders(EMPTY_ORDERS, [order('a', { state: 'filled', updatedAt: 5_000 })])
    expect(applyOrders(data, [order('a', { state: 'open', updatedAt: 4_000 })])).toBe(data)
  })

  it('caps the history and filters by account', () => {
    const many = Array.from({ length: HISTORY_CAP + 5 }, (_, i) => order(`h${i}`, { state: 'filled', createdAt: i, accountId: i % 2 ? 'b' : 'a' }))
    const data = applyOrders(EMPTY_ORDERS, many)
    expect(data.historyIds).toHaveLength(HISTORY_CAP)
    expect(data.historyIds[0]).toBe(`h${HISTORY_CAP + 4}`)
    expect(forAccount(data.historyIds, data.byId, 'b').every((id) => data.byId[id]?.accountId === 'b')).toBe(true)
    expect(forAccount(data.historyIds, data.byId, null)).toBe(data.historyIds)
  })

  it('counts sent and unknown orders as working: they may still trade', () => {
    expect(['pending', 'sent', 'unknown', 'open', 'partially_filled'].every((s) => isWorking(s as ManagedOrder['state']))).toBe(true)
    expect(['filled', 'cancelled', 'rejected', 'expired'].some((s) => isWorking(s as ManagedOrder['state']))).toBe(false)
  })

  it('records a fill once per venue trade id', () => {
    const fill = { venue: 'sim', tradeId: 't1', clientOrderId: null, venueOrderId: null, symbol: 'BTC/USDT:USDT', side: 'buy' as const, price: 1, amount: 1, fee: 0, feeCurrency: 'USDT', liquidity: 'taker' as const, timestamp: 1 }
    const once = applyFill(EMPTY_ORDERS, { accountId: 'a', intentId: null, fill })
    expect(applyFill(once, { accountId: 'a', intentId: null, fill })).toBe(once)
    expect(once.fills).toHaveLength(1)
  })
})

function book(accountId: string, currency: string, equity: number, patch: Partial<AccountPortfolio> = {}): AccountPortfolio {
  return { accountId, currency, equity, balance: equity, available: equity, unrealizedPnl: 1, realizedPnl: 0, dayPnl: 2, totalPnl: 3, fees: 0, funding: 0, leverage: 0, maxDrawdownPct: 0, breaker: 'active', positions: [], at: 1, ...patch }
}

describe('portfolio helpers', () => {
  it('sums per currency and never across currencies', () => {
    expect(totalsByCurrency([book('a', 'USDT', 100), book('b', 'USDT', 50), book('c', 'USD', 10)])).toEqual([
      { currency: 'USD', equity: 10, dayPnl: 2, totalPnl: 3, unrealizedPnl: 1 },
      { currency: 'USDT', equity: 150, dayPnl: 4, totalPnl: 6, unrealizedPnl: 2 },
    ])
  })

  it('extends an equity curve only forward in time', () => {
    const curve = [{ at: 1, equity: 100 }]
    expect(appendEquityPoint(curve, { at: 2, equity: 101 })).toEqual([...curve, { at: 2, equity: 101 }])
    expect(appendEquityPoint(curve, { at: 0, equity: 99 })).toBe(curve)
    expect(appendEquityPoint(curve, { at: 1, equity: 100 })).toBe(curve)
    expect(appendEquityPoint(curve, { at: 1, equity: 102 })).toEqual([{ at: 1, equity: 102 }])
  })

  it('lists positions across accounts, largest margin first', () => {
    const position = (symbol: string, margin: number) => ({ venue: 'sim', symbol, side: 'long' as const, contracts: 1, entryPrice: 1, markPrice: 1, unrealizedPnl: 0, leverage: 1, margin, liquidationPrice: null })
    const rows = positionRows([book('a', 'USDT', 1, { positions: [position('X', 1)] }), book('b', 'USDT', 1, { positions: [position('Y', 5)] })])
    expect(rows.map((r) => `${r.accountId}:${r.position.symbol}`)).toEqual(['b:Y', 'a:X'])
    expect(positionRows([book('a', 'USDT', 1, { positions: [position('X', 1)] })], 'b')).toEqual([])
  })
})

describe('risk state helpers', () => {
  it('shows a halt over a pause over reduce-only', () => {
    expect(displayState({ state: 'halted', paused: true })).toBe('halted')
    expect(displayState({ state: 'reducing', paused: true })).toBe('paused')
    expect(displayState({ state: 'reducing', paused: false })).toBe('reducing')
    expect(displayState({ state: 'active', paused: false })).toBe('active')
    expect(displayState(null)).toBeNull()
  })

  it('keeps one status per scope', () => {
    const desk = { scope: { kind: 'desk' as const }, state: 'active' as const, paused: false, reasons: [], since: 1 }
    const account = { ...desk, scope: { kind: 'account' as const, accountId: 'a' } }
    let list = upsertStatus([], desk)
    list = upsertStatus(list, account)
    list = upsertStatus(list, { ...desk, state: 'halted' })
    expect(list).toHaveLength(2)
    expect(statusOf(list, { kind: 'desk' })?.state).toBe('halted')
    expect(scopeKey({ kind: 'pilot', pilotId: 'p1' })).toBe('pilot:p1')
  })
})
