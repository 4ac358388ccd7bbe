import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'

describe('test clock', () => {
  it('fires timers in due order, intervals repeatedly, and stops cancelled ones', () => {
    const clock = createTestClock(1000)
    const fired: string[] = []
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 250)
    const tick = clock.setInterval(() => fired.push(`tick@${clock.now()}`), 100)
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 50)
    clock.advance(300)
    expect(fired).toEqual(['a@1050', 'tick@1100', 'tick@1200', 'b@1250', 'tick@1300'])
    expect(clock.now()).toBe(1300)
    tick.cancel()
    clock.advance(1000)
    expect(fired).toHaveLength(5)
    expect(clock.pending()).toBe(0)
  })

  it('runs timers scheduled by timers within the same advance', () => {
    const clock = createTestClock()
    const fired: number[] = []
    clock.setTimeout(() => clock.setTimeout(() => fired.push(clock.now()), 10), 10)
    clock.advance(25)
    expect(fired).toEqual([20])
  })

  it('refuses to go backwards or loop forever', () => {
    const clock = createTestClock()
    expect(() => clock.advance(-1)).toThrow(/non-negative/)
    expect(() => clock.setInterval(() => {}, 0)).toThrow(/above 0 ms/)
  })
})
