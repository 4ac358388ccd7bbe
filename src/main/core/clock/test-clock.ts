import type { Clock, TimerHandle } from '../../ports/clock'

interface ScheduledTimer {
  id: number
  dueAt: number
  everyMs: number | null
  callback: () => void
}

export interface TestClock extends Clock {
  /** Moves time forward, firing every timer that falls due, in time order. */
  advance(ms: number): void
  /** Number of timers still scheduled. */
  pending(): number
}

/**
 * A clock that only moves when told to: tests and backtests drive time, so
 * runs are deterministic and never sleep.
 */
export function createTestClock(startAt = 0): TestClock {
  let now = startAt
  let nextId = 1
  const timers = new Map<number, ScheduledTimer>()

  const schedule = (callback: () => void, ms: number, repeat: boolean): TimerHandle => {
    const delay = Math.max(0, ms)
    if (repeat && delay === 0) throw new RangeError('setInterval needs a period above 0 ms, received 0')
    const id = nextId++
    timers.set(id, { id, dueAt: now + delay, everyMs: repeat ? delay : null, callback })
    return { cancel: () => void timers.delete(id) }
  }

  const nextDue = (limit: number): ScheduledTimer | undefined => {
    let best: ScheduledTimer | undefined
    for (const timer of timers.values()) {
      if (timer.dueAt > limit) continue
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.id < best.id)) best = timer
    }
    return best
  }

  return {
    now: () => now,
    setTimeout: (callback, ms) => schedule(callback, ms, false),
    setInterval: (callback, ms) => schedule(callback, ms, true),
    pending: () => timers.size,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance expects a non-negative duration, received ${ms}`)
      const target = now + ms
      for (let timer = nextDue(target); timer; timer = nextDue(target)) {
        now = timer.dueAt
        if (timer.everyMs === null) timers.delete(timer.id)
        else timer.dueAt += timer.everyMs
        timer.callback()
      }
      now = target
    },
  }
}
