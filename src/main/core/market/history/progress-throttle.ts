import type { Clock, TimerHandle } from '../../../ports/clock'

export interface ProgressThrottle {
  /** Something changed: emit now if the interval has passed, else once when it does (with the latest state). */
  push(): void
  /** Drops a pending emit; the caller sends its final event itself. */
  cancel(): void
}

/**
 * At most one emit per `intervalMs` on the kernel clock, the first at once.
 * A change inside the interval is not lost: a trailing emit reads the state
 * when it fires, so a download that stalls (a venue retry) still shows where
 * it got to, and a renderer never sees more than four updates a second.
 */
export function createProgressThrottle(clock: Clock, intervalMs: number, emit: () => void): ProgressThrottle {
  let last = Number.NEGATIVE_INFINITY
  let timer: TimerHandle | null = null
  const fire = (): void => {
    timer = null
    last = clock.now()
    emit()
  }
  return {
    push() {
      if (timer) return
      const wait = last + intervalMs - clock.now()
      if (wait <= 0) fire()
      else timer = clock.setTimeout(fire, wait)
    },
    cancel() {
      timer?.cancel()
      timer = null
    },
  }
}
