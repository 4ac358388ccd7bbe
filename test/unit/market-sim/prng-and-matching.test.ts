import { describe, expect, it } from 'vitest'
import { createRng, hashSeed } from '../../../src/main/adapters/market-simulator/prng'
import { closestMatches, editDistance } from '../../../src/shared/market/closest-symbols'
import { roundToStep, ticksToPrice } from '../../../src/shared/market/precision'

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed)
      return Array.from({ length: 100 }, () => rng.next())
    }
    expect(draw(1)).toEqual(draw(1))
    expect(draw(1)).not.toEqual(draw(2))
    expect(draw(0).every((x) => x >= 0 && x < 1)).toBe(true)
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1))
  })

  it('draws normals and Poisson counts with the right moments', () => {
    const rng = createRng(5)
    const n = 50_000
    const normals = Array.from({ length: n }, () => rng.normal())
    const mean = normals.reduce((s, x) => s + x, 0) / n
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / n
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(variance).toBeCloseTo(1, 1)
    for (const lambda of [0.3, 4, 50]) {
      const counts = Array.from({ length: 20_000 }, () => rng.poisson(lambda))
      expect(counts.reduce((s, x) => s + x, 0) / counts.length).toBeCloseTo(lambda, lambda < 1 ? 1 : 0)
    }
    expect(rng.poisson(0)).toBe(0)
  })
})

describe('closest symbol matches', () => {
  it('measures edit distance and ranks by it, ignoring case and separators', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    const known = ['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT', 'BTC/USDC:USDC']
    expect(closestMatches('btc-usdt-swap', known, 2)).toEqual(['BTC/USDT:USDT', 'BTC/USDC:USDC'])
    expect(closestMatches('SOLUSDT', known, 1)).toEqual(['SOL/USDT:USDT'])
  })
})

describe('tick rounding', () => {
  it('cuts prices and sizes to the step’s decimals', () => {
    expect(roundToStep(0.1 + 0.2, 0.1)).toBe(0.3)
    expect(roundToStep(65_000.04999, 0.1)).toBe(65_000)
    expect(roundToStep(1.23456789, 1e-8)).toBe(1.23456789)
    expect(ticksToPrice(650_001, 0.1)).toBe(65_000.1)
    expect(ticksToPrice(3, 0.1)).toBe(0.3)
  })
})
