import type { Clock, TimerHandle } from '../../ports/clock'

/** Wall-clock time for live and paper trading. */
export function createLiveClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout(callback, ms): TimerHandle {
      const timer = setTimeout(callback, ms)
      timer.unref?.()
      return { cancel: () => clearTimeout(timer) }
    },
    setInterval(callback, ms): TimerHandle {
      const timer = setInterval(callback, ms)
      timer.unref?.()
      return { cancel: () => clearInterval(timer) }
    },
  }
}
