import { describe, expect, it } from 'vitest'
import { createEquityCurve, type EquityCurve } from '../../../src/main/core/portfolio'

const DAY = 86_400_000
const D0 = Date.UTC(2025, 0, 15)

function curve(intervalMs = 1000, maxPoints = 100): EquityCurve {
  return createEquityCurve({ intervalMs, maxPoints, dayBoundaryOffsetMs: 0 })
}
const at = (c: EquityCurve, time: number, equity: number): boolean => c.record({ at: time, equity, balance: equity, unrealized: 0 })

describe('equity curve', () => {
  it('stores at most one point per interval but ends with the latest observation', () => {
    const c = curve(1000)
    expect([at(c, D0, 100), at(c, D0 + 400, 90), at(c, D0 + 999, 95), at(c, D0 + 1000, 97), at(c, D0 + 1500, 98)]).toEqual([true, false, false, true, false])
    expect(c.points().map((p) => [p.at - D0, p.equity])).toEqual([
      [0, 100],
      [1000, 97],
      [1500, 98],
    ])
  })

  it('keeps drawdown exact even when the low was never stored', () => {
    const c = curve(1000)
    at(c, D0, 100)
    at(c, D0 + 10, 120)
    at(c, D0 + 20, 90)
    at(c, D0 + 1000, 110)
    expect(c.points().map((p) => p.equity)).toEqual([100, 110])
    expect(c.peak()).toBe(120)
    expect(c.maxDrawdown()).toEqual({ amount: 30, pct: 25 })
    expect(c.drawdown().amount).toBe(10)
    expect(c.drawdown().pct).toBeCloseTo(100 / 12, 12)
  })

  it('thins itself when full: drops every second point, keeps the newest and doubles the interval', () => {
    const c = curve(10, 4)
    for (let i = 0; i < 5; i++) at(c, D0 + i * 10, 100 + i)
    expect(c.points().map((p) => p.equity)).toEqual([100, 102, 104])
    expect(c.intervalMs()).toBe(20)
    expect(at(c, D0 + 50, 105)).toBe(false)
    expect(at(c, D0 + 60, 106)).toBe(true)
  })

  it('measures the daily drawdown from the day open and the day peak, with the open carried over midnight', () => {
    const c = curve(1000)
    at(c, D0 + DAY - 5000, 1000)
    at(c, D0 + DAY + 1000, 980)
    at(c, D0 + DAY + 2000, 1020)
    at(c, D0 + DAY + 3000, 950)
    expect(c.daily()).toEqual({ dayStart: D0 + DAY, open: 1000, peak: 1020, fromOpen: { amount: 50, pct: 5 }, fromPeak: { amount: 70, pct: (70 / 1020) * 100 } })
  })

  it('counts a late observation at the latest time rather than rewriting history', () => {
    const c = curve(1000)
    at(c, D0 + DAY + 10, 100)
    at(c, D0 + 5, 90)
    expect(c.latest()).toMatchObject({ at: D0 + DAY + 10, equity: 90 })
    expect(c.daily()!.dayStart).toBe(D0 + DAY)
  })

  it('moves its references with a transfer, so a withdrawal is no drawdown', () => {
    const c = curve(1000)
    at(c, D0, 1000)
    c.shift(-400, D0 + 1)
    at(c, D0 + 2, 600)
    expect(c.drawdown()).toEqual({ amount: 0, pct: 0 })
    expect(c.daily()!.fromOpen.amount).toBe(0)
  })

  it('refuses options it cannot honour', () => {
    expect(() => curve(1000, 1)).toThrow(/maxPoints must be at least 2/)
    expect(() => curve(-1)).toThrow(/intervalMs must be >= 0/)
  })
})
