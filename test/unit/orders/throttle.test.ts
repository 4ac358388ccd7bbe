import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createKeyedThrottle } from '../../../src/main/core/portfolio-service/throttle'

describe('the portfolio update throttle', () => {
  it('emits the first change at once, folds the rest of the interval into one emit at its end, per key', () => {
    const clock = createTestClock(1_000)
    const emitted: [string, number][] = []
    const throttle = createKeyedThrottle(clock, 250, (key) => emitted.push([key, clock.now()]))
    throttle.touch('a')
    throttle.touch('a')
    throttle.touch('b')
    clock.advance(100)
    throttle.touch('a')
    clock.advance(200)
    throttle.touch('a')
    clock.advance(1_000)
    expect(emitted).toEqual([
      ['a', 1_000],
      ['b', 1_000],
      ['a', 1_250],
      ['a', 1_500],
    ])
    throttle.touch('a')
    expect(emitted.at(-1)).toEqual(['a', 2_300])
    throttle.touch('a')
    // Shutdown drops what is still waiting.
    throttle.cancelAll()
    clock.advance(1_000)
    expect(emitted).toHaveLength(5)
  })
})
