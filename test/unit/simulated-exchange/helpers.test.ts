import { describe, expect, it } from 'vitest'
import { closestMatches } from '../../../src/shared/market/closest-symbols'
import { decimalsOf, floorToStep, isOnStep, roundToStep } from '../../../src/shared/market/precision'
import { createSeededRandom } from '../../../src/main/adapters/simulated-exchange/seeded-random'

describe('precision', () => {
  it('compares and rounds decimal steps despite binary floats', () => {
    expect(isOnStep(0.1 + 0.2, 0.1)).toBe(true)
    expect(isOnStep(0.35, 0.1)).toBe(false)
    expect(isOnStep(60010, 0.1)).toBe(true)
    expect(roundToStep(0.1 + 0.2, 0.1)).toBe(0.3)
    expect(floorToStep(2.9999999999999996, 1)).toBe(3)
    expect(floorToStep(2.5, 1)).toBe(2)
    expect(decimalsOf(0.00001)).toBe(5)
    expect(decimalsOf(5)).toBe(0)
  })
})

describe('closest matches', () => {
  it('puts the nearest symbol first', () => {
    expect(closestMatches('BTC/USTD:USDT', ['ETH/USDT:USDT', 'BTC/USDT:USDT', 'BTC/USDT'])[0]).toBe('BTC/USDT:USDT')
    expect(closestMatches('eth/usdt:usdt', ['BTC/USDT:USDT', 'ETH/USDT:USDT'], 1)).toEqual(['ETH/USDT:USDT'])
  })
})

describe('seeded random', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed)
      return Array.from({ length: 1000 }, () => random())
    }
    expect(draw(5)).toEqual(draw(5))
    expect(draw(5)).not.toEqual(draw(6))
    expect(draw(5).every((x) => x >= 0 && x < 1)).toBe(true)
    expect(() => createSeededRandom(Number.NaN)).toThrow(/seed/)
  })
})
