import { describe, expect, it } from 'vitest'
import { createClientOrderIds } from '../../../src/main/core/execution'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { ClientOrderIdSchema } from '../../../src/shared/domain/order'

describe('client order ids', () => {
  it('are prefixed, venue-valid and unique, within one millisecond and across a clock that goes back', () => {
    const clock = createTestClock(1_700_000_000_000)
    const ids = createClientOrderIds('ws', clock)
    const seen = new Set<string>()
    for (let i = 0; i < 1000; i++) seen.add(ids.next())
    clock.advance(5)
    const later = ids.next()
    seen.add(later)
    expect(seen.size).toBe(1001)
    for (const id of seen) {
      expect(ClientOrderIdSchema.safeParse(id).success).toBe(true)
      expect(ids.isOurs(id)).toBe(true)
    }
    expect(ids.isOurs('zz123')).toBe(false)
    // A restart with a clock 1 s behind: a new source, the journal's unique key catches a repeat; ids keep their shape.
    const again = createClientOrderIds('ws', createTestClock(1_700_000_000_000 - 1000)).next()
    expect(again).toMatch(/^ws[0-9a-z]{12}$/)
  })

  it('sort by time, since the time part has a fixed width', () => {
    const clock = createTestClock(1_000)
    const ids = createClientOrderIds('ab1', clock)
    const first = ids.next()
    clock.advance(1_700_000_000_000)
    expect(ids.next() > first).toBe(true)
  })

  it('refuse a prefix that would not leave room or is not alphanumeric', () => {
    expect(() => createClientOrderIds('', createTestClock())).toThrow(/1-8 letters or digits/)
    expect(() => createClientOrderIds('toolongprefix', createTestClock())).toThrow(RangeError)
    expect(() => createClientOrderIds('w-s', createTestClock())).toThrow(RangeError)
  })
})
