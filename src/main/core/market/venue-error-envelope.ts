import { HandlerError } from '../../../shared/contract/envelope'
import { isVenueError } from '../../ports/venue-error'
import { assertNever } from './stream-ref'

/**
 * Turns an adapter's VenueError into the error envelope the trader sees. The
 * adapter's message is kept as is: it already names what was received and,
 * for an unknown symbol, the closest matches. Anything else is left for the
 * dispatcher to log and report as internal.
 */
export function toHandlerError(error: unknown, doing: string): unknown {
  if (error instanceof HandlerError || !isVenueError(error)) return error
  const details = { venue: error.venue, kind: error.kind, venueCode: error.venueCode }
  switch (error.kind) {
    case 'not_found':
    case 'rejected':
    case 'unsupported':
      return new HandlerError('invalid_input', error.message, details)
    case 'retryable':
    case 'rate_limited':
    case 'auth':
    case 'ambiguous':
      return new HandlerError('unavailable', `${doing} on ${error.venue} failed: ${error.message}`, details)
    default:
      return assertNever(error.kind)
  }
}
