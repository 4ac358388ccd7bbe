/**
 * Everything the transports share: the model objects and the fault switches.
 * Built once per server in index.ts.
 */
import type { Account } from './account'
import type { Credentials } from './auth'
import type { DeadManSwitch } from './dead-man'
import type { FakeEvents, Ids } from './events'
import type { FaultState } from './faults'
import type { MarketData } from './market'
import type { Matching } from './matching'

export interface FakeContext {
  readonly markets: MarketData
  readonly account: Account
  readonly matching: Matching
  readonly faults: FaultState
  readonly events: FakeEvents
  readonly ids: Ids
  readonly creds: Credentials
  readonly deadMan: DeadManSwitch
}

/** OKX's response envelope. */
export interface Envelope {
  code: string
  msg: string
  data: unknown[]
}

export interface RestReply {
  status: number
  body: Envelope
}

export function ok(data: unknown[]): RestReply {
  return { status: 200, body: { code: '0', msg: '', data } }
}

export function fail(code: string, msg: string, status = 200, data: unknown[] = []): RestReply {
  return { status, body: { code, msg, data } }
}

export interface RestRequest {
  method: string
  path: string
  query: URLSearchParams
  /** Parsed JSON body for POST (object or array), undefined for GET. */
  body: unknown
}

export interface Route {
  method: 'GET' | 'POST'
  path: string
  /** Private endpoint: needs the OK-ACCESS-* headers. */
  auth: boolean
  /** Places orders: subject to faults.timeoutAfterAccept. */
  placesOrder?: boolean
  handle(req: RestRequest): RestReply
}
