/**
 * OKX request signing, checked the way OKX does it:
 * REST  sign = base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body)),
 *       timestamp ISO 8601 in OK-ACCESS-TIMESTAMP, requestPath including '?query';
 * WS    login sign = base64(HMAC-SHA256(secret, timestamp + 'GET' + '/users/self/verify')),
 *       timestamp in seconds.
 * Requests older or newer than 30 s are refused, like OKX.
 */
import { createHmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export interface Credentials {
  apiKey: string
  secret: string
  passphrase: string
}

export type AuthResult = { ok: true } | { ok: false; code: string; msg: string }

const WINDOW_MS = 30_000

export function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64')
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function verifyRest(creds: Credentials, method: string, requestPath: string, body: string, headers: IncomingHttpHeaders): AuthResult {
  const key = header(headers, 'OK-ACCESS-KEY')
  const signature = header(headers, 'OK-ACCESS-SIGN')
  const timestamp = header(headers, 'OK-ACCESS-TIMESTAMP')
  const passphrase = header(headers, 'OK-ACCESS-PASSPHRASE')
  if (!key) return { ok: false, code: '50103', msg: 'Request header OK-ACCESS-KEY cannot be empty.' }
  if (!passphrase) return { ok: false, code: '50104', msg: 'Request header OK-ACCESS-PASSPHRASE cannot be empty.' }
  if (!signature) return { ok: false, code: '50106', msg: 'Request header OK-ACCESS-SIGN cannot be empty.' }
  if (!timestamp) return { ok: false, code: '50107', msg: 'Request header OK-ACCESS-TIMESTAMP cannot be empty.' }
  const at = Date.parse(timestamp)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(at)) return { ok: false, code: '50112', msg: 'Invalid OK-ACCESS-TIMESTAMP' }
  if (Math.abs(Date.now() - at) > WINDOW_MS) return { ok: false, code: '50102', msg: 'Timestamp request expired' }
  if (key !== creds.apiKey) return { ok: false, code: '50111', msg: 'Invalid OK-ACCESS-KEY' }
  if (passphrase !== creds.passphrase) return { ok: false, code: '50105', msg: 'Request header OK-ACCESS-PASSPHRASE incorrect' }
  if (signature !== sign(creds.secret, timestamp + method.toUpperCase() + requestPath + body)) {
    return { ok: false, code: '50113', msg: 'Invalid Sign' }
  }
  return { ok: true }
}

export interface LoginArgs {
  apiKey?: unknown
  passphrase?: unknown
  timestamp?: unknown
  sign?: unknown
}

/** Verifies one WS login arg; OKX answers any failure with 60009 or a more specific 600xx code. */
export function verifyLogin(creds: Credentials, args: LoginArgs): AuthResult {
  const ts = typeof args.timestamp === 'string' ? args.timestamp : String(args.timestamp ?? '')
  const seconds = Number(ts)
  if (!ts || !Number.isFinite(seconds)) return { ok: false, code: '60004', msg: 'Invalid timestamp' }
  if (Math.abs(Date.now() - seconds * 1000) > WINDOW_MS) return { ok: false, code: '60006', msg: 'Timestamp request expired' }
  if (args.apiKey !== creds.apiKey) return { ok: false, code: '60005', msg: 'Invalid OK-ACCESS-KEY' }
  if (args.passphrase !== creds.passphrase) return { ok: false, code: '60024', msg: 'Wrong passphrase' }
  if (args.sign !== sign(creds.secret, `${ts}GET/users/self/verify`)) return { ok: false, code: '60007', msg: 'Invalid sign' }
  return { ok: true }
}
