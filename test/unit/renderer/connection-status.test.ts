import { describe, expect, it } from 'vitest'
import { connectionDisplay, formatAgeSeconds, heartbeatLevel } from '../../../src/renderer/src/stores/connection-status'

describe('status bar rules', () => {
  it('reads "connecting" only before the first connection; afterwards any loss is "disconnected"', () => {
    expect(connectionDisplay('connecting', false)).toBe('connecting')
    expect(connectionDisplay('open', false)).toBe('connected')
    expect(connectionDisplay('open', true)).toBe('connected')
    expect(connectionDisplay('closed', true)).toBe('disconnected')
    expect(connectionDisplay('connecting', true)).toBe('disconnected') // a reconnect attempt must not flicker
    expect(connectionDisplay('closed', false)).toBe('disconnected') // e.g. a refused token
  })

  it('colours the heartbeat amber after 3 s and red after 5 s', () => {
    expect(heartbeatLevel(0)).toBe('fresh')
    expect(heartbeatLevel(3000)).toBe('fresh')
    expect(heartbeatLevel(3001)).toBe('late')
    expect(heartbeatLevel(5000)).toBe('late')
    expect(heartbeatLevel(5001)).toBe('stale')
  })

  it('formats the age with one decimal under a minute, whole seconds after', () => {
    expect(formatAgeSeconds(0)).toBe('0.0')
    expect(formatAgeSeconds(420)).toBe('0.4')
    expect(formatAgeSeconds(-5)).toBe('0.0') // timer jitter never shows a negative age
    expect(formatAgeSeconds(59_940)).toBe('59.9')
    expect(formatAgeSeconds(75_400)).toBe('75')
  })
})
