import type { EndpointClass, RateLimitRule } from '../profiles/venue-profile'
import { WindowedTokenBucket } from './windowed-token-bucket'

/** One bucket a request needs, with what it costs there. */
export interface BucketClaim {
  key: string
  cost: number
}

/**
 * The published limits of one venue as buckets: one per venue-wide rule, one
 * per (rule, instrument) for per-instrument rules, created when first used.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, WindowedTokenBucket>()
  private readonly byEndpoint = new Map<EndpointClass, RateLimitRule[]>()

  /**
   * `marginMs` widens every window a little: our clock and the venue's disagree
   * by the network delay, and a request that reaches the venue early must not
   * land in the previous window.
   */
  constructor(
    readonly rules: readonly RateLimitRule[],
    private readonly marginMs = 0,
  ) {
    for (const rule of rules) {
      for (const endpoint of rule.endpoints) {
        const list = this.byEndpoint.get(endpoint) ?? []
        list.push(rule)
        this.byEndpoint.set(endpoint, list)
      }
    }
  }

  /** The buckets a request to `endpoint` (about `symbol`, for per-instrument rules) draws from. */
  claims(endpoint: EndpointClass, symbol: string | null): BucketClaim[] {
    const rules = this.byEndpoint.get(endpoint) ?? []
    return rules.map((rule) => ({
      key: rule.scope === 'instrument' ? `${rule.id}@${symbol ?? '*'}` : rule.id,
      cost: rule.cost?.[endpoint] ?? 1,
    }))
  }

  /** Takes every claim or none. */
  tryTake(claims: readonly BucketClaim[], now: number): boolean {
    for (const claim of claims) if (this.bucket(claim.key).available(now) < Math.min(claim.cost, this.bucket(claim.key).capacity)) return false
    for (const claim of claims) this.bucket(claim.key).tryTake(now, claim.cost)
    return true
  }

  /** Holds every claim or none, for a request about to be sent; see WindowedTokenBucket.tryHold. */
  tryHold(claims: readonly BucketClaim[], now: number): boolean {
    for (const claim of claims) if (this.bucket(claim.key).available(now) < Math.min(claim.cost, this.bucket(claim.key).capacity)) return false
    for (const claim of claims) this.bucket(claim.key).tryHold(now, claim.cost)
    return true
  }

  /** The request holding these claims was answered at `now`. */
  settle(claims: readonly BucketClaim[], now: number): void {
    for (const claim of claims) this.bucket(claim.key).settle(now, claim.cost)
  }

  /** When all claims could be taken together. */
  readyAt(claims: readonly BucketClaim[], now: number): number {
    let at = now
    for (const claim of claims) at = Math.max(at, this.bucket(claim.key).readyAt(now, claim.cost))
    return at
  }

  /** Drops buckets with nothing left counting (per-instrument buckets come and go with use). */
  sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.idle(now)) this.buckets.delete(key)
  }

  private bucket(key: string): WindowedTokenBucket {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      const ruleId = key.split('@')[0]
      const rule = this.rules.find((r) => r.id === ruleId)
      if (!rule) throw new Error(`no rate limit rule '${ruleId}' for bucket '${key}'`)
      bucket = new WindowedTokenBucket(rule.limit, rule.windowMs + this.marginMs)
      this.buckets.set(key, bucket)
    }
    return bucket
  }
}
