import {
  AccountSuspended,
  AuthenticationError,
  BadRequest,
  BadResponse,
  BadSymbol,
  DDoSProtection,
  DuplicateOrderId,
  ExchangeError,
  ExchangeNotAvailable,
  InsufficientFunds,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  NotSupported,
  OnMaintenance,
  OrderImmediatelyFillable,
  OrderNotFillable,
  OrderNotFound,
  PermissionDenied,
  RateLimitExceeded,
  RequestTimeout,
} from 'ccxt'
import { describe, expect, it } from 'vitest'
import { OKX_PROFILE } from '../../../src/main/adapters/ccxt/profiles/okx'
import { BINANCE_PROFILE } from '../../../src/main/adapters/ccxt/profiles/binance'
import { translateError, type CallKind } from '../../../src/main/adapters/ccxt/translate-error'
import { VenueError } from '../../../src/main/ports/venue-error'

const okxBody = (sCode: string, sMsg: string): string => `okx {"code":"1","data":[{"clOrdId":"a1","ordId":"","sCode":"${sCode}","sMsg":"${sMsg}"}],"msg":""}`

type Row = [name: string, error: unknown, call: CallKind, kind: VenueError['kind'], reason: VenueError['reason']]

// ccxt class (and OKX code) in, our kind and reason out.
const ROWS: Row[] = [
  ['timeout on a placement may have been applied', new RequestTimeout('okx POST /trade/order request timed out (2000 ms)'), 'mutation', 'ambiguous', null],
  ['timeout on a read is retryable', new RequestTimeout('okx GET /trade/order request timed out'), 'read', 'retryable', null],
  ['connection reset on a placement', new NetworkError('okx fetch failed: ECONNRESET'), 'mutation', 'ambiguous', null],
  ['connection reset on a read', new NetworkError('okx fetch failed: ECONNRESET'), 'read', 'retryable', null],
  ['unreadable answer to a placement', new BadResponse('okx garbage'), 'mutation', 'ambiguous', null],
  ['unreadable answer to a read', new BadResponse('okx garbage'), 'read', 'retryable', null],
  ['503 is retryable even for a placement', new ExchangeNotAvailable('okx 503 Service Unavailable'), 'mutation', 'retryable', null],
  ['maintenance', new OnMaintenance('okx {"code":"50001"}'), 'read', 'retryable', null],
  ['DDoS protection', new DDoSProtection('cloudflare'), 'mutation', 'retryable', null],
  ['stale timestamp', new InvalidNonce('okx {"code":"50102"}'), 'read', 'retryable', null],
  ['HTTP 429 / 50011', new RateLimitExceeded('okx {"code":"50011","msg":"Too Many Requests"}'), 'mutation', 'rate_limited', null],
  ['bad key', new AuthenticationError('okx {"code":"50111"}'), 'read', 'auth', null],
  ['no permission', new PermissionDenied('okx {"code":"50110"}'), 'mutation', 'auth', null],
  ['account suspended', new AccountSuspended('okx {"code":"50007"}'), 'mutation', 'auth', null],
  ['insufficient funds', new InsufficientFunds(okxBody('51008', 'Insufficient USDT margin')), 'mutation', 'rejected', 'insufficient_funds'],
  ['51016 duplicate client order id', new InvalidOrder(okxBody('51016', 'Duplicated clOrdId')), 'mutation', 'rejected', 'duplicate_client_order_id'],
  ['51121 lot size', new InvalidOrder(okxBody('51121', 'Order quantity must be a multiple of the lot size')), 'mutation', 'rejected', 'invalid_size'],
  ['51020 minimum size', new InvalidOrder(okxBody('51020', 'min amount')), 'mutation', 'rejected', 'invalid_size'],
  ['51000 px names the price', new BadRequest(okxBody('51000', 'Parameter px error')), 'mutation', 'rejected', 'invalid_price'],
  ['51000 sz names the size', new BadRequest(okxBody('51000', 'Parameter sz error')), 'mutation', 'rejected', 'invalid_size'],
  ['51169 reduce-only without position', new ExchangeError(okxBody('51169', "you don't have any positions")), 'mutation', 'rejected', 'reduce_only_would_increase'],
  ['51112 reduce-only too large', new InvalidOrder(okxBody('51112', 'Close order size exceeds your available size')), 'mutation', 'rejected', 'reduce_only_would_increase'],
  ['51511 amend breaks post-only', new ExchangeError(okxBody('51511', 'post only')), 'mutation', 'rejected', 'post_only_would_take'],
  ['51401 cancel of a cancelled order', new OrderNotFound(okxBody('51401', 'already canceled')), 'mutation', 'not_found', 'order_not_open'],
  ['51603 order does not exist', new OrderNotFound('okx {"code":"51603","msg":"Order does not exist","data":[]}'), 'read', 'not_found', null],
  ['51001 unknown instrument', new BadSymbol(okxBody('51001', 'Instrument ID does not exist')), 'mutation', 'not_found', 'unknown_symbol'],
  ['generic duplicate class', new DuplicateOrderId('x'), 'mutation', 'rejected', 'duplicate_client_order_id'],
  ['post-only class', new OrderImmediatelyFillable('x'), 'mutation', 'rejected', 'post_only_would_take'],
  ['fill-or-kill class', new OrderNotFillable('x'), 'mutation', 'rejected', 'fill_or_kill_unfillable'],
  ['unknown InvalidOrder code', new InvalidOrder(okxBody('51999', 'something new')), 'mutation', 'rejected', 'other'],
  ['not supported', new NotSupported('okx fetchX() is not supported'), 'read', 'unsupported', null],
  ['a raw socket error on a placement', new Error('socket hang up'), 'mutation', 'ambiguous', null],
  ['a raw socket error on a read', new TypeError('fetch failed'), 'read', 'retryable', null],
]

describe('translateError: every ccxt error class becomes one of our kinds, once, at the edge', () => {
  it.each(ROWS)('%s', (_name, error, call, kind, reason) => {
    const translated = translateError(error, { profile: OKX_PROFILE, call, action: 'submit order a1' })
    expect(translated).toBeInstanceOf(VenueError)
    expect(translated.kind).toBe(kind)
    expect(translated.reason).toBe(reason)
    expect(translated.venue).toBe('okx')
    expect(translated.cause).toBe(error)
  })

  it('keeps the venue code and the retry-after hint for rate limits', () => {
    const translated = translateError(new RateLimitExceeded('okx {"code":"50011","msg":"Too Many Requests"}'), { profile: OKX_PROFILE, call: 'read', action: 'x', retryAfterMs: 1500 })
    expect(translated.venueCode).toBe('50011')
    expect(translated.retryAfterMs).toBe(1500)
    expect(translated.retryable).toBe(true)
  })

  it('says in the message what was done and what to do', () => {
    const translated = translateError(new RequestTimeout('timed out'), { profile: OKX_PROFILE, call: 'mutation', action: 'submit order a1' })
    expect(translated.message).toMatch(/submit order a1 failed \(outcome unknown, query the order before resending\)/)
  })

  it('reads Binance reasons from the text when the code is too broad', () => {
    const error = new InvalidOrder('binance {"code":-2010,"msg":"Order would immediately match and take."}')
    const translated = translateError(error, { profile: BINANCE_PROFILE, call: 'mutation', action: 'x' })
    expect(translated).toMatchObject({ kind: 'rejected', reason: 'post_only_would_take', venueCode: '-2010' })
  })

  it('passes a VenueError through untouched and never leaks request signatures', () => {
    const original = new VenueError('auth', 'okx', 'no keys')
    expect(translateError(original, { profile: OKX_PROFILE, call: 'read', action: 'x' })).toBe(original)
    const leaky = translateError(new ExchangeError('binance GET https://api/x?timestamp=1&signature=deadbeef 400'), { profile: BINANCE_PROFILE, call: 'read', action: 'x' })
    expect(leaky.message).not.toContain('deadbeef')
  })
})
