import { describe, expect, it } from 'vitest'
import { createEventBus } from '../../../src/main/core/bus/event-bus'

describe('event bus', () => {
  it('delivers to every subscriber even when one throws, and reports the failure', () => {
    const failures: string[] = []
    const bus = createEventBus<{ 'a.happened': number }>((topic) => failures.push(topic))
    const got: number[] = []
    bus.subscribe('a.happened', () => {
      throw new Error('boom')
    })
    const off = bus.subscribe('a.happened', (n) => got.push(n))
    bus.publish('a.happened', 1)
    off()
    bus.publish('a.happened', 2)
    expect(got).toEqual([1])
    expect(failures).toEqual(['a.happened', 'a.happened'])
    expect(bus.listenerCount('a.happened')).toBe(1)
  })
})
