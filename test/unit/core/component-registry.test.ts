import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createComponentRegistry } from '../../../src/main/core/lifecycle/component-registry'

describe('component registry', () => {
  it('reports the worst component state as overall and records when it changed', () => {
    const clock = createTestClock(100)
    const registry = createComponentRegistry(clock)
    const a = registry.register('a')
    const b = registry.register('b')
    expect(registry.report().overall).toBe('starting')
    a.set('running')
    b.set('running')
    expect(registry.report().overall).toBe('running')
    clock.advance(50)
    b.set('degraded', 'feed stale')
    expect(registry.report()).toEqual({
      overall: 'degraded',
      components: [
        { name: 'a', state: 'running', since: 100 },
        { name: 'b', state: 'degraded', detail: 'feed stale', since: 150 },
      ],
    })
    a.set('stopped')
    expect(registry.report().overall).toBe('stopped')
    expect(() => registry.register('a')).toThrow(/already registered/)
  })
})
