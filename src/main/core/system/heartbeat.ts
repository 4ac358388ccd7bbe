import type { Clock, TimerHandle } from '../../ports/clock'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export const HEARTBEAT_INTERVAL_MS = 1000

/** Publishes `system.heartbeat` at 1 Hz so renderers can show kernel liveness. */
export function startHeartbeat(clock: Clock, bus: EventBus<KernelEvents>, intervalMs = HEARTBEAT_INTERVAL_MS): TimerHandle {
  let seq = 0
  return clock.setInterval(() => bus.publish('system.heartbeat', { seq: seq++, at: clock.now() }), intervalMs)
}
