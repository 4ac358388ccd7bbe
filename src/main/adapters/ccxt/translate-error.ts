import {
  AccountNotEnabled,
  AccountSuspended,
  AuthenticationError,
  BadRequest,
  BadResponse,
  BadSymbol,
  BaseError,
  CancelPending,
  ContractUnavailable,
  DDoSProtection,
  DuplicateOrderId,
  ExchangeClosedByUser,
  ExchangeError,
  ExchangeNotAvailable,
  InsufficientFunds,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  NotSupported,
  OnMaintenance,
  OperationRejected,
  OrderImmediatelyFillable,
  OrderNotFillable,
  OrderNotFound,
  PermissionDenied,
  RateLimitExceeded,
  RequestTimeout,
} from 'ccxt'
import type { RejectReason, VenueErrorKind } from '../../../shared/domain/venue'
import { VenueError } from '../../ports/venue-error'
import type { VenueProfile } from './profiles/venue-profile'
import { extractVenueCode } from './venue-code'

/**
 * What the failed call was. A network failure on a call that changes orders
 * may have been applied, so it is `ambiguous`; on a read it is `retryable`.
 */
export type CallKind = 'mutation' | 'read'

export interface TranslateContext {
  profile: Pick<VenueProfile, 'id' | 'rejectCodes' | 'rejectMessages'>
  call: CallKind
  /** What we were doing, for the message ("submit order abc1"). */
  action: string
  /** Retry-After the venue sent with the failed response, when known. */
  retryAfterMs?: number | null
}

interface Verdict {
  kind: VenueErrorKind
  reason: RejectReason | null
}

/**
 * Translates anything a ccxt call threw into our VenueError, once, at the
 * adapter edge. ccxt's class says what kind of failure it was; the venue's
 * code (from the profile's table) says why, more precisely than the class.
 */
export function translateError(error: unknown, context: TranslateContext): VenueError {
  if (error instanceof VenueError) return error
  const text = error instanceof Error ? error.message : String(error)
  const venueCode = extractVenueCode(text)
  const verdict = classify(error, context.call)
  // The venue's own code names the reason more precisely than ccxt's class (51016 arrives as a plain InvalidOrder).
  const reason = reasonFromVenue(context.profile, venueCode, text) ?? verdict.reason
  const kind = verdict.kind
  const message = `${context.profile.id}: ${context.action} failed (${describeKind(kind, reason)}): ${redactText(text)}`
  return new VenueError(kind, context.profile.id, message, {
    venueCode,
    reason: kind === 'rejected' || kind === 'not_found' ? (reason ?? (kind === 'rejected' ? 'other' : null)) : null,
    retryAfterMs: kind === 'rate_limited' ? (context.retryAfterMs ?? null) : null,
    cause: error,
  })
}

function classify(error: unknown, call: CallKind): Verdict {
  const v = (kind: VenueErrorKind, reason: RejectReason | null = null): Verdict => ({ kind, reason })
  // Order matters: ccxt's specific classes extend the generic ones (RateLimitExceeded is a NetworkError).
  if (error instanceof RateLimitExceeded) return v('rate_limited')
  if (error instanceof DDoSProtection) return v('retryable')
  if (error instanceof OnMaintenance || error instanceof ExchangeNotAvailable) return v('retryable')
  // A stale request timestamp: nothing was applied, and a fresh signature fixes it.
  if (error instanceof InvalidNonce) return v('retryable')
  if (error instanceof RequestTimeout || error instanceof NetworkError) return v(call === 'mutation' ? 'ambiguous' : 'retryable')
  // An answer we could not read: for an order it may still have been applied.
  if (error instanceof BadResponse) return v(call === 'mutation' ? 'ambiguous' : 'retryable')
  if (error instanceof CancelPending) return v('rejected', 'order_not_open')
  if (error instanceof AuthenticationError || error instanceof PermissionDenied || error instanceof AccountSuspended || error instanceof AccountNotEnabled) {
    return v('auth')
  }
  if (error instanceof InsufficientFunds) return v('rejected', 'insufficient_funds')
  if (error instanceof OrderNotFound) return v('not_found')
  if (error instanceof DuplicateOrderId) return v('rejected', 'duplicate_client_order_id')
  if (error instanceof OrderImmediatelyFillable) return v('rejected', 'post_only_would_take')
  if (error instanceof OrderNotFillable) return v('rejected', 'fill_or_kill_unfillable')
  if (error instanceof ContractUnavailable) return v('rejected', 'unsupported_order')
  if (error instanceof InvalidOrder) return v('rejected')
  if (error instanceof BadSymbol) return v('not_found', 'unknown_symbol')
  if (error instanceof NotSupported) return v('unsupported')
  if (error instanceof ExchangeClosedByUser) return v('unsupported')
  if (error instanceof BadRequest || error instanceof OperationRejected || error instanceof ExchangeError) return v('rejected')
  if (error instanceof BaseError) return v(call === 'mutation' ? 'ambiguous' : 'retryable')
  // Not from ccxt at all (a socket error surfacing raw, a bug): we cannot know whether an order went out.
  return v(call === 'mutation' ? 'ambiguous' : 'retryable')
}

function reasonFromVenue(profile: TranslateContext['profile'], code: string | null, text: string): RejectReason | null {
  if (code !== null) {
    const byCode = profile.rejectCodes[code]
    if (byCode) return byCode
  }
  for (const [pattern, reason] of profile.rejectMessages) if (pattern.test(text)) return reason
  return null
}

function describeKind(kind: VenueErrorKind, reason: RejectReason | null): string {
  switch (kind) {
    case 'rejected':
      return `rejected: ${reason ?? 'other'}`
    case 'not_found':
      return reason ? `not found: ${reason}` : 'not found'
    case 'ambiguous':
      return 'outcome unknown, query the order before resending'
    case 'rate_limited':
      return 'rate limited'
    case 'retryable':
      return 'temporary'
    case 'auth':
      return 'credentials refused'
    case 'unsupported':
      return 'not supported'
    default: {
      const unreachable: never = kind
      return unreachable
    }
  }
}

/** Request signatures can appear in error texts through URLs; they never belong in logs. */
function redactText(text: string): string {
  return text.replace(/(signature|sign|apiKey|api_key|passphrase)=([^&\s"]+)/gi, '$1=[redacted]').slice(0, 600)
}
