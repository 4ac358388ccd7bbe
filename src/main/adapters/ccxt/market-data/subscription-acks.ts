import type { Clock } from '../../../ports/clock'

/**
 * Waits for the venue to confirm a subscription. ccxt's watch calls resolve
 * only with the first data, and a trades stream may stay silent for long;
 * the acknowledgement is what tells us nothing printed from now on is missed.
 */
export class SubscriptionAcks {
  private readonly waiters = new Map<string, Set<() => void>>()

  constructor(private readonly clock: Clock) {}

  /** Resolves true on the acknowledgement, false after `timeoutMs` without one. */
  wait(channel: string, instId: string | null, timeoutMs: number): Promise<boolean> {
    const key = keyOf(channel, instId)
    return new Promise<boolean>((resolve) => {
      const set = this.waiters.get(key) ?? new Set()
      const done = (acked: boolean): void => {
        set.delete(onAck)
        timer.cancel()
        resolve(acked)
      }
      const onAck = (): void => done(true)
      const timer = this.clock.setTimeout(() => done(false), timeoutMs)
      set.add(onAck)
      this.waiters.set(key, set)
    })
  }

  acknowledge(channel: string, instId: string | null): void {
    const set = this.waiters.get(keyOf(channel, instId))
    if (!set) return
    for (const waiter of [...set]) waiter()
  }
}

function keyOf(channel: string, instId: string | null): string {
  return `${channel}|${instId ?? ''}`
}
