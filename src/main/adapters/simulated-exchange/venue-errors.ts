import type { RejectReason } from '../../../shared/domain/venue'
import { VenueError, isVenueError } from '../../ports/venue-error'

export function rejected(venue: string, reason: RejectReason, message: string): VenueError {
  return new VenueError('rejected', venue, message, { reason })
}

/**
 * Errors from the source name the source's venue; callers of the simulated
 * venue should see its own id, with the kind and reason kept. Anything that is
 * not a VenueError is a bug or an unexpected failure: reported as retryable
 * would be a lie, so it becomes `ambiguous` with the original as cause.
 */
export function asOwnVenueError(venue: string, error: unknown): VenueError {
  if (isVenueError(error)) {
    if (error.venue === venue) return error
    return new VenueError(error.kind, venue, error.message, {
      venueCode: error.venueCode,
      retryAfterMs: error.retryAfterMs,
      reason: error.reason,
      cause: error,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new VenueError('ambiguous', venue, `unexpected failure in the simulated exchange: ${message}`, { cause: error })
}
