import { describe, expect, it } from 'vitest'
import { createPriceProcess, garchParams } from '../../../src/main/adapters/market-simulator/price-process'
import { createRng } from '../../../src/main/adapters/market-simulator/prng'
import { TIMEFRAME_MS } from '../../../src/shared/domain/market'

const SPEC = { annualVol: 0.6, volHalfLifeMs: 6 * 3_600_000, jumpsPerDay: 3, jumpStdev: 0.004 }

function autocorrelation(xs: number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i]! - mean) ** 2
    if (i > 0) num += (xs[i]! - mean) * (xs[i - 1]! - mean)
  }
  return num / den
}

describe('price process', () => {
  it('has stationary GARCH coefficients at every step size from a tick to a day', () => {
    for (const dt of [250, ...Object.values(TIMEFRAME_MS)]) {
      const p = garchParams(0.6, SPEC.volHalfLifeMs, dt)
      expect(p.alpha).toBeGreaterThan(0)
      expect(p.beta).toBeGreaterThanOrEqual(0)
      expect(p.alpha + p.beta).toBeLessThan(1)
      expect(p.omega / (1 - p.alpha - p.beta)).toBeCloseTo(p.longRunVar, 15)
    }
  })

  it('hits its annual volatility and clusters it (absolute returns autocorrelate, returns do not)', () => {
    const process = createPriceProcess(SPEC, 60_000, createRng(99))
    const returns = Array.from({ length: 200_000 }, () => process.next())
    const annual = Math.sqrt((returns.reduce((s, r) => s + r * r, 0) / returns.length) * 525_600)
    expect(annual).toBeGreaterThan(0.5)
    expect(annual).toBeLessThan(0.72)
    expect(Math.abs(autocorrelation(returns))).toBeLessThan(0.02)
    expect(autocorrelation(returns.map(Math.abs))).toBeGreaterThan(0.05)
  })
})
