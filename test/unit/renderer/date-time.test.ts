import { describe, expect, it } from 'vitest'
import { formatDateTime } from '../../../src/renderer/src/format/date-time'

describe('formatDateTime', () => {
  it('prints local time as YYYY-MM-DD HH:mm:ss with zero padding', () => {
    expect(formatDateTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05')
    expect(formatDateTime(new Date(2026, 11, 31, 23, 59, 59).getTime())).toBe('2026-12-31 23:59:59')
  })
})
