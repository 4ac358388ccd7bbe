import type { Clock } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import { VenueError } from '../../../ports/venue-error'
import type { EndpointClass, VenueProfile } from '../profiles/venue-profile'
import { translateError, type CallKind } from '../translate-error'
import { backoffDelay, DEFAULT_RETRY_BACKOFF, sleep, StopSignal, type BackoffPolicy } from './backoff'
import { CircuitBreaker, DEFAULT_BREAKER_OPTIONS, type BreakerOptions, type BreakerState } from './circuit-breaker'
import { DEFAULT_LANE_CONCURRENCY, laneOf, type Lane } from './lanes'
import { PriorityScheduler } from './priority-scheduler'
import { RateLimiter, type BucketClaim } from './rate-limiter'

export interface RequestSpec {
  endpoint: EndpointClass
  /** The instrument, for per-instrument limits; null for account-wide requests. */
  symbol: string | null
  /** What is being done, for error texts ("submit order abc1"). */
  action: string
}

export interface DisciplineOptions {
  clock: Clock
  logger: Logger
  random: () => number
  breaker?: BreakerOptions
  retryBackoff?: BackoffPolicy
  /** Attempts in all, including the first, for requests that may be retried. */
  maxAttempts?: number
  laneConcurrency?: Readonly<Record<Lane, number>>
  windowMarginMs?: number
  /** Retry-After of the response that just failed, when the transport kept it. */
  retryAfterHint?: () => number | null
  onBreakerChange?: (state: BreakerState, detail: string) => void
}

export interface DisciplineStats {
  sent: number
  retried: number
  rateLimited: number
  failed: number
  breaker: BreakerState
  queued: Record<Lane, number>
}

/** Nothing was sent: the breaker refused locally. Retryable by the caller, later. */
export class CircuitOpenError extends VenueError {
  constructor(venue: string, message: string, retryAfterMs: number) {
    super('retryable', venue, message, { retryAfterMs })
  }
}

/** Placements and amendments change orders; a repeat could double them, so they are never retried. */
const NEVER_RETRIED: ReadonlySet<EndpointClass> = new Set(['place', 'amend', 'leverage'])
const MUTATIONS: ReadonlySet<EndpointClass> = new Set(['place', 'amend', 'cancel', 'leverage'])

/**
 * The one road every REST request to a venue takes: circuit breaker, priority
 * lane and rate limits, the call, error translation, and retries only where
 * they are safe. ccxt's own limiter is switched off, so this one is in charge.
 */
export class RequestDiscipline {
  private readonly limiter: RateLimiter
  private readonly scheduler: PriorityScheduler
  private readonly breaker: CircuitBreaker
  private readonly stop = new StopSignal()
  private readonly counters = { sent: 0, retried: 0, rateLimited: 0, failed: 0 }

  constructor(
    private readonly profile: VenueProfile,
    private readonly options: DisciplineOptions,
  ) {
    this.limiter = new RateLimiter(profile.rateLimits, options.windowMarginMs ?? 100)
    this.scheduler = new PriorityScheduler(options.clock, this.limiter, options.laneConcurrency ?? DEFAULT_LANE_CONCURRENCY)
    this.breaker = new CircuitBreaker(options.clock, options.breaker ?? DEFAULT_BREAKER_OPTIONS, (state, detail) => {
      options.logger.warn('venue circuit breaker changed', { venue: profile.id, state, detail })
      options.onBreakerChange?.(state, detail)
    })
  }

  async run<T>(spec: RequestSpec, call: () => Promise<T>): Promise<T> {
    const kind: CallKind = MUTATIONS.has(spec.endpoint) ? 'mutation' : 'read'
    const maxAttempts = NEVER_RETRIED.has(spec.endpoint) ? 1 : (this.options.maxAttempts ?? 3)
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec, kind, call).then(
        (value) => ({ value }),
        (e: unknown) => ({ error: e as VenueError }),
      )
      if ('value' in outcome) return outcome.value
      const failure = outcome.error
      // Failing fast while the circuit is open is the point of it: no retry loop around that.
      const again = failure.retryable && attempt + 1 < maxAttempts && !this.stop.stopped && !(failure instanceof CircuitOpenError)
      if (!again) throw failure
      this.counters.retried++
      const delay = Math.max(backoffDelay(this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF, attempt, this.options.random), failure.retryAfterMs ?? 0)
      this.options.logger.debug('retrying venue request', { venue: this.profile.id, action: spec.action, attempt: attempt + 1, delayMs: delay, kind: failure.kind })
      await sleep(this.options.clock, delay, this.stop)
    }
  }

  stats(): DisciplineStats {
    return { ...this.counters, breaker: this.breaker.current, queued: this.scheduler.queued() }
  }

  close(): void {
    this.stop.stop()
    this.scheduler.close(new VenueError('unsupported', this.profile.id, `${this.profile.id}: the venue adapter is closed`))
  }

  private async attempt<T>(spec: RequestSpec, kind: CallKind, call: () => Promise<T>): Promise<T> {
    const decision = this.breaker.decide()
    if (!decision.allowed) {
      throw new CircuitOpenError(this.profile.id, `${this.profile.id}: ${spec.action} refused locally: circuit open after repeated failures, retry in ${decision.retryAfterMs} ms`, decision.retryAfterMs)
    }
    let permit
    try {
      permit = await this.scheduler.acquire(laneOf(spec.endpoint), this.claims(spec))
    } catch (error) {
      if (decision.probe) this.breaker.releaseProbe()
      throw error
    }
    try {
      this.counters.sent++
      const value = await call()
      this.breaker.recordSuccess(decision.probe)
      return value
    } catch (raw) {
      const error = translateError(raw, { profile: this.profile, call: kind, action: spec.action, retryAfterMs: this.options.retryAfterHint?.() ?? null })
      this.record(error, decision.probe)
      throw error
    } finally {
      permit.release()
    }
  }

  private claims(spec: RequestSpec): BucketClaim[] {
    return this.limiter.claims(spec.endpoint, spec.symbol)
  }

  private record(error: VenueError, probe: boolean): void {
    switch (error.kind) {
      case 'retryable':
      case 'ambiguous':
        this.counters.failed++
        this.breaker.recordFailure(probe, error.message)
        return
      case 'rate_limited':
        this.counters.rateLimited++
        this.breaker.recordSuccess(probe)
        return
      case 'rejected':
      case 'auth':
      case 'not_found':
      case 'unsupported':
        // The venue answered: it is up, whatever it thought of the request.
        this.breaker.recordSuccess(probe)
        return
      default: {
        const unreachable: never = error.kind
        return unreachable
      }
    }
  }
}
