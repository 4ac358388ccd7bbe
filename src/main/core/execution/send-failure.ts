import { isVenueError } from '../../ports/venue-error'

/**
 * What a failed placement tells us about the order:
 * - `refused`: the venue did not take it (it says why); nothing to ask;
 * - `exists`: the venue says the client id is taken, so the order is there: query and adopt;
 * - `uncertain`: it may or may not have been placed (timeout, reset, 5xx,
 *   rate limit, anything unexpected): query by client id before any resend.
 * Rate limits and retryable errors are `uncertain` on purpose: a placement
 * is never retried blindly, whatever the adapter believes.
 */
export type SendVerdict = { kind: 'refused'; reason: string } | { kind: 'exists' } | { kind: 'uncertain'; waitMs: number }

export function judgeSendFailure(error: unknown): SendVerdict {
  if (!isVenueError(error)) return { kind: 'uncertain', waitMs: 0 }
  switch (error.kind) {
    case 'rejected':
      return error.reason === 'duplicate_client_order_id' ? { kind: 'exists' } : { kind: 'refused', reason: error.reason ?? 'rejected' }
    case 'auth':
    case 'unsupported':
    case 'not_found':
      return { kind: 'refused', reason: error.kind }
    case 'ambiguous':
    case 'retryable':
      return { kind: 'uncertain', waitMs: 0 }
    case 'rate_limited':
      return { kind: 'uncertain', waitMs: error.retryAfterMs ?? 0 }
    default: {
      const never: never = error.kind
      throw new Error(`unhandled venue error kind ${String(never)}`)
    }
  }
}
