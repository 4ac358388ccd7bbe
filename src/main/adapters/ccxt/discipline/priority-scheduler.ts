import type { Clock, TimerHandle } from '../../../ports/clock'
import { DEFAULT_LANE_CONCURRENCY, LANES, type Lane } from './lanes'
import type { BucketClaim, RateLimiter } from './rate-limiter'

/** Held while a request is in flight; release it when the answer (or failure) is in. */
export interface Permit {
  release(): void
}

interface Job {
  lane: Lane
  claims: readonly BucketClaim[]
  resolve(permit: Permit): void
  reject(error: unknown): void
}

/**
 * Hands out permission to send, lane by lane, within the venue's limits.
 *
 * Jobs are considered most urgent lane first, oldest first within a lane. A
 * job goes when its lane has a free slot and every bucket it draws from has
 * tokens. When a job must wait for a bucket, later (less urgent) jobs may not
 * take from that bucket either, so a queue of history requests can never
 * delay a cancel that needs the same budget, and nothing starves.
 */
export class PriorityScheduler {
  private readonly queues = new Map<Lane, Job[]>(LANES.map((lane) => [lane, []]))
  private readonly inFlight = new Map<Lane, number>(LANES.map((lane) => [lane, 0]))
  private wake: { at: number; handle: TimerHandle } | null = null
  private closedWith: Error | null = null
  private lastSweep = 0

  constructor(
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly concurrency: Readonly<Record<Lane, number>> = DEFAULT_LANE_CONCURRENCY,
  ) {}

  acquire(lane: Lane, claims: readonly BucketClaim[]): Promise<Permit> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    return new Promise<Permit>((resolve, reject) => {
      this.queues.get(lane)!.push({ lane, claims, resolve, reject })
      this.pump()
    })
  }

  /** Requests waiting per lane, for health and tests. */
  queued(): Record<Lane, number> {
    return Object.fromEntries(LANES.map((lane) => [lane, this.queues.get(lane)!.length])) as Record<Lane, number>
  }

  /** Refuses everything still waiting and anything asked later. */
  close(error: Error): void {
    this.closedWith = error
    this.wake?.handle.cancel()
    this.wake = null
    for (const queue of this.queues.values()) for (const job of queue.splice(0)) job.reject(error)
  }

  private pump(): void {
    if (this.closedWith) return
    const now = this.clock.now()
    const blocked = new Set<string>()
    let earliest = Number.POSITIVE_INFINITY
    for (const lane of LANES) {
      const queue = this.queues.get(lane)!
      for (let i = 0; i < queue.length; i++) {
        const job = queue[i]!
        const laneFull = this.inFlight.get(lane)! >= this.concurrency[lane]
        const contended = laneFull || job.claims.some((c) => blocked.has(c.key))
        if (!contended && this.limiter.tryHold(job.claims, now)) {
          queue.splice(i--, 1)
          this.dispatch(job)
          continue
        }
        // Reserve this job's buckets against everything behind it.
        for (const claim of job.claims) blocked.add(claim.key)
        if (!contended) earliest = Math.min(earliest, this.limiter.readyAt(job.claims, now))
      }
    }
    this.scheduleWake(earliest, now)
    if (now - this.lastSweep > 60_000) {
      this.lastSweep = now
      this.limiter.sweep(now)
    }
  }

  private dispatch(job: Job): void {
    this.inFlight.set(job.lane, this.inFlight.get(job.lane)! + 1)
    let released = false
    job.resolve({
      release: () => {
        if (released) return
        released = true
        this.limiter.settle(job.claims, this.clock.now())
        this.inFlight.set(job.lane, this.inFlight.get(job.lane)! - 1)
        this.pump()
      },
    })
  }

  private scheduleWake(at: number, now: number): void {
    if (!Number.isFinite(at)) return
    if (this.wake && this.wake.at <= at) return
    this.wake?.handle.cancel()
    const handle = this.clock.setTimeout(() => {
      this.wake = null
      this.pump()
    }, Math.max(0, at - now))
    this.wake = { at, handle }
  }
}
