/**
 * The exact recipe for pointing the real ccxt.pro.okx (REST + WS) at a fake
 * server. Tests import it; the adapter can copy the same few lines.
 */
import ccxt from 'ccxt'
import type { FakeOkx } from './types'

export type CcxtOkx = InstanceType<typeof ccxt.pro.okx>

export interface CcxtOkxOptions {
  /** Sign requests with the fake's credentials (default true). */
  auth?: boolean
  /** ccxt request timeout in ms (ccxt's default is 10000). */
  timeout?: number
  /** Demo trading: ccxt then sends `x-simulated-trading: 1` and skips /asset/currencies. */
  sandbox?: boolean
  /** Extra ccxt constructor config (e.g. { enableRateLimit: false }). */
  config?: Record<string, unknown>
}

export async function ccxtOkx(fake: FakeOkx, opts: CcxtOkxOptions = {}): Promise<CcxtOkx> {
  const creds = opts.auth === false ? {} : { apiKey: fake.credentials.apiKey, secret: fake.credentials.secret, password: fake.credentials.password }
  const ex = new ccxt.pro.okx({
    hostname: `127.0.0.1:${fake.port}`,
    timeout: opts.timeout ?? 10_000,
    ...creds,
    ...opts.config,
  })
  // Sandbox swaps urls.api for urls.test, so it must come before the overrides below.
  if (opts.sandbox) ex.setSandboxMode(true)
  // The fake serves only spot and swap instruments (it answers [] for the other types, but why ask).
  ex.options.fetchMarkets = { types: ['spot', 'swap'] }
  const api = ex.urls.api as Record<string, string>
  api.rest = 'http://{hostname}' // ccxt fills {hostname} in
  api.ws = fake.wsUrl // ccxt appends /public, /private or /business
  await ex.loadHttpProxyAgent() // without it ccxt refuses ws:// (non-TLS) URLs
  return ex
}
