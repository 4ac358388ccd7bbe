import type { Clock } from '../../../ports/clock'

export interface BackoffPolicy {
  baseMs: number
  factor: number
  capMs: number
}

export const DEFAULT_RETRY_BACKOFF: BackoffPolicy = { baseMs: 250, factor: 2, capMs: 5_000 }
export const DEFAULT_RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 250, factor: 2, capMs: 30_000 }

/**
 * Delay before attempt `attempt` (0 for the first retry): exponential, capped,
 * with "equal jitter" (half fixed, half random) so many clients that failed
 * together do not come back together, yet no delay collapses to zero.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt))
  const half = exponential / 2
  return Math.round(half + random() * half)
}

/** A sleep on the injected clock, which a stop signal can cut short. */
export function sleep(clock: Clock, ms: number, stop?: StopSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (stop?.stopped) return resolve()
    const handle = clock.setTimeout(() => {
      off?.()
      resolve()
    }, ms)
    const off = stop?.onStop(() => {
      handle.cancel()
      resolve()
    })
  })
}

/** Lets long-running loops and their sleeps end promptly. */
export class StopSignal {
  private listeners = new Set<() => void>()
  stopped = false

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    for (const listener of this.listeners) listener()
    this.listeners.clear()
  }

  onStop(listener: () => void): () => void {
    if (this.stopped) {
      listener()
      return () => {}
    }
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
