import type { RejectReason, VenueErrorKind } from '../../shared/domain/venue'

/**
 * The one error type venue adapters throw. Adapters translate their SDK's
 * errors into it at the edge, so the kernel reasons about a handful of kinds
 * instead of hundreds of exchange codes.
 */
export class VenueError extends Error {
  readonly kind: VenueErrorKind
  readonly venue: string
  /** The venue's own code, e.g. OKX '51016', when there was one. */
  readonly venueCode: string | null
  /** For rate limits: how long the venue asked us to wait. */
  readonly retryAfterMs: number | null
  /** For `rejected`: why, in a form code can act on. */
  readonly reason: RejectReason | null

  constructor(
    kind: VenueErrorKind,
    venue: string,
    message: string,
    options: { venueCode?: string | null; retryAfterMs?: number | null; reason?: RejectReason | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'VenueError'
    this.kind = kind
    this.venue = venue
    this.venueCode = options.venueCode ?? null
    this.retryAfterMs = options.retryAfterMs ?? null
    this.reason = options.reason ?? null
  }

  /** True for the kinds a caller may retry without asking the venue first. */
  get retryable(): boolean {
    return this.kind === 'retryable' || this.kind === 'rate_limited'
  }
}

export function isVenueError(error: unknown): error is VenueError {
  return error instanceof VenueError
}
