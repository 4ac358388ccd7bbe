import type { Clock, TimerHandle } from '../../ports/clock'
import type { Random } from './seeded-random'

/** One-way delay of a message between the client and the venue: fixed plus uniform jitter, in ms. */
export interface LatencyModel {
  fixedMs: number
  jitterMs: number
}

export const NO_LATENCY: LatencyModel = { fixedMs: 0, jitterMs: 0 }

export function validateLatency(latency: LatencyModel): LatencyModel {
  if (!(latency.fixedMs >= 0) || !(latency.jitterMs >= 0)) {
    throw new RangeError(`latency needs fixedMs >= 0 and jitterMs >= 0, received ${latency.fixedMs} and ${latency.jitterMs}`)
  }
  return latency
}

/** A one-way channel: tasks run in the order they were sent, each no earlier than its sampled delay. */
export interface Wire {
  send(task: () => void): void
  close(): void
}

/**
 * Delays go through the Clock so backtests and tests control them. Messages
 * keep their order, like one ordered connection: a later message never
 * overtakes an earlier one even when its jitter is smaller, which keeps a
 * cancel from arriving before the order it cancels. A zero delay still runs
 * asynchronously (a microtask), so nothing re-enters the caller.
 */
export function createWire(clock: Clock, latency: LatencyModel, random: Random, onError: (error: unknown) => void): Wire {
  const queue: Array<{ dueAt: number; task: () => void }> = []
  let head = 0
  let armed = false
  let timer: TimerHandle | null = null
  let closed = false

  const sample = (): number => Math.round(latency.fixedMs + (latency.jitterMs > 0 ? random() * latency.jitterMs : 0))

  const drain = (): void => {
    armed = false
    timer = null
    if (closed) return
    const now = clock.now()
    while (head < queue.length && queue[head]!.dueAt <= now) {
      const { task } = queue[head]!
      head++
      try {
        task()
      } catch (error) {
        onError(error)
      }
    }
    if (head === queue.length) {
      queue.length = 0
      head = 0
    }
    arm()
  }

  const arm = (): void => {
    if (armed || closed || head >= queue.length) return
    armed = true
    const wait = queue[head]!.dueAt - clock.now()
    if (wait <= 0) queueMicrotask(drain)
    else timer = clock.setTimeout(drain, wait)
  }

  return {
    send(task) {
      if (closed) return
      // Only the head of the queue is timed: a later message waits behind an earlier, slower one.
      queue.push({ dueAt: clock.now() + sample(), task })
      arm()
    },
    close() {
      closed = true
      timer?.cancel()
      queue.length = 0
      head = 0
    },
  }
}
