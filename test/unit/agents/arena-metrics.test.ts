import { describe, expect, it } from 'vitest'
import { maxDrawdownPct, sharpeRatio } from '../../../src/main/core/agents/arena-metrics'

const curve = (equities: number[], stepMs = 60_000) => equities.map((equity, i) => ({ at: i * stepMs, equity }))

describe('arena metrics', () => {
  it('max drawdown is the deepest fall from a running peak', () => {
    expect(maxDrawdownPct(curve([100, 120, 90, 130, 117]))).toBeCloseTo(25)
    expect(maxDrawdownPct(curve([100, 101, 102]))).toBe(0)
  })

  it('Sharpe is positive for a rising noisy curve, negative for a falling one, and absent when too short or flat', () => {
    const up = curve(Array.from({ length: 40 }, (_, i) => 100 + i + (i % 2 ? 0.5 : -0.5)))
    const down = curve(Array.from({ length: 40 }, (_, i) => 100 - i * 0.5 + (i % 2 ? 0.3 : -0.3)))
    expect(sharpeRatio(up)).toBeGreaterThan(0)
    expect(sharpeRatio(down)).toBeLessThan(0)
    expect(sharpeRatio(curve([100, 101, 102]))).toBeNull()
    expect(sharpeRatio(curve(Array.from({ length: 40 }, () => 100)))).toBeNull()
  })

  it('annualises by the curve spacing: the same returns sampled hourly score lower than per minute', () => {
    const values = Array.from({ length: 40 }, (_, i) => 100 + i + (i % 3 ? 0.7 : -0.7))
    expect(sharpeRatio(curve(values, 60_000))!).toBeGreaterThan(sharpeRatio(curve(values, 3_600_000))!)
  })
})
