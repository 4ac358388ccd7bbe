import type { Clock } from '../../../ports/clock'

export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number
  /** How long it stays open before one probe may go. */
  coolDownMs: number
  /** Each failed probe doubles the cool-down, up to this. */
  maxCoolDownMs: number
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = { failureThreshold: 5, coolDownMs: 5_000, maxCoolDownMs: 60_000 }

/** What the breaker says about sending one more request now. */
export type BreakerDecision = { allowed: true; probe: boolean } | { allowed: false; retryAfterMs: number }

/**
 * One breaker per venue. A venue that keeps failing (timeouts, 5xx, garbage)
 * is left alone for a while: requests fail fast instead of piling onto it.
 * After the cool-down exactly one probe goes through; its success closes the
 * circuit, its failure opens it again for longer.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed'
  private failures = 0
  private openedAt = 0
  private coolDown: number
  private probeInFlight = false

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER_OPTIONS,
    private readonly onChange: (state: BreakerState, detail: string) => void = () => {},
  ) {
    this.coolDown = options.coolDownMs
  }

  get current(): BreakerState {
    return this.state
  }

  decide(): BreakerDecision {
    switch (this.state) {
      case 'closed':
        return { allowed: true, probe: false }
      case 'open': {
        const waited = this.clock.now() - this.openedAt
        if (waited < this.coolDown) return { allowed: false, retryAfterMs: this.coolDown - waited }
        this.transition('half_open', `cool-down of ${this.coolDown} ms over, letting one probe through`)
        return this.decide()
      }
      case 'half_open':
        if (this.probeInFlight) return { allowed: false, retryAfterMs: Math.min(1000, this.coolDown) }
        this.probeInFlight = true
        return { allowed: true, probe: true }
      default: {
        const unreachable: never = this.state
        return unreachable
      }
    }
  }

  /** The venue answered (even with a refusal): it is up. */
  recordSuccess(probe: boolean): void {
    if (probe) this.probeInFlight = false
    this.failures = 0
    if (this.state !== 'closed') {
      this.coolDown = this.options.coolDownMs
      this.transition('closed', probe ? 'probe succeeded' : 'venue answered')
    }
  }

  /** A failure that says the venue is unwell (timeout, 5xx, unreadable answer). */
  recordFailure(probe: boolean, detail: string): void {
    if (probe) {
      this.probeInFlight = false
      this.coolDown = Math.min(this.coolDown * 2, this.options.maxCoolDownMs)
      this.open(`probe failed: ${detail}`)
      return
    }
    if (this.state !== 'closed') return
    this.failures++
    if (this.failures >= this.options.failureThreshold) this.open(`${this.failures} consecutive failures, last: ${detail}`)
  }

  /** A probe that ended without telling us anything (cancelled, refused locally) frees the slot. */
  releaseProbe(): void {
    this.probeInFlight = false
  }

  private open(detail: string): void {
    this.openedAt = this.clock.now()
    this.failures = 0
    this.transition('open', detail)
  }

  private transition(next: BreakerState, detail: string): void {
    if (this.state === next && next !== 'open') return
    this.state = next
    this.onChange(next, detail)
  }
}
