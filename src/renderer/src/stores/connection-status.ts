import type { ConnectionState } from '../api/websocket-transport'

// Pure rules of the status bar, kept apart from the store so they are unit-tested under Node.

export type ConnectionDisplay = 'connecting' | 'connected' | 'disconnected'

/**
 * While reconnecting, the transport alternates between "closed" and
 * "connecting"; once the kernel has been reached, both read as disconnected
 * so the status bar does not flicker during an outage.
 */
export function connectionDisplay(state: ConnectionState, everOpened: boolean): ConnectionDisplay {
  if (state === 'open') return 'connected'
  if (state === 'connecting' && !everOpened) return 'connecting'
  return 'disconnected'
}

export type HeartbeatLevel = 'fresh' | 'late' | 'stale'

export const HEARTBEAT_LATE_MS = 3000
export const HEARTBEAT_STALE_MS = 5000

/** The kernel beats at 1 Hz: past 3 s something is slow, past 5 s it is likely gone. */
export function heartbeatLevel(ageMs: number): HeartbeatLevel {
  if (ageMs > HEARTBEAT_STALE_MS) return 'stale'
  if (ageMs > HEARTBEAT_LATE_MS) return 'late'
  return 'fresh'
}

/** One decimal while it matters, whole seconds after a minute. */
export function formatAgeSeconds(ageMs: number): string {
  const seconds = Math.max(0, ageMs) / 1000
  return seconds < 60 ? seconds.toFixed(1) : String(Math.round(seconds))
}
