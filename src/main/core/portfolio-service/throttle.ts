import type { Clock, TimerHandle } from '../../ports/clock'

export interface KeyedThrottle {
  /** Runs `emit(key)` now if the key has been quiet for the interval, else once when it ends. */
  touch(key: string): void
  cancelAll(): void
}

/**
 * At most one emit per key per interval, on the kernel clock: the first
 * change goes out at once, changes inside the interval are folded into one
 * emit at its end, so the last state always goes out.
 */
export function createKeyedThrottle(clock: Clock, intervalMs: number, emit: (key: string) => void): KeyedThrottle {
  const last = new Map<string, number>()
  const timers = new Map<string, TimerHandle>()

  const fire = (key: string): void => {
    timers.delete(key)
    last.set(key, clock.now())
    emit(key)
  }

  return {
    touch(key) {
      if (timers.has(key)) return
      const since = clock.now() - (last.get(key) ?? -Infinity)
      if (since >= intervalMs) fire(key)
      else timers.set(key, clock.setTimeout(() => fire(key), intervalMs - since))
    },
    cancelAll() {
      for (const timer of timers.values()) timer.cancel()
      timers.clear()
    },
  }
}
