/**
 * Per-test fake servers and ccxt clients, all closed in afterEach (clients
 * first, then servers) so no socket outlives its test.
 */
import { afterEach } from 'vitest'
import { type FakeOkx, type FakeOkxOptions, startFakeOkx } from '../../support/fake-okx'
import { type CcxtOkx, type CcxtOkxOptions, ccxtOkx } from '../../support/fake-okx/ccxt-client'

export function useFakeOkx(): {
  start(options?: FakeOkxOptions): Promise<FakeOkx>
  client(fake: FakeOkx, options?: CcxtOkxOptions): Promise<CcxtOkx>
} {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.()
  })
  return {
    async start(options) {
      const fake = await startFakeOkx(options)
      cleanups.push(() => fake.close())
      return fake
    },
    async client(fake, options = {}) {
      // No client-side throttling in these tests: they are about the wire, not ccxt's rate limiter.
      const ex = await ccxtOkx(fake, { ...options, config: { enableRateLimit: false, ...options.config } })
      cleanups.push(() => ex.close())
      return ex
    },
  }
}

/** Polls until `cond` holds (WS state is reached asynchronously). */
export async function until(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** ccxt types order ids as possibly undefined; the fake always sends one. */
export function idOf(order: { id?: string | undefined }): string {
  if (!order.id) throw new Error('order without id')
  return order.id
}

export const BTC_SWAP = 'BTC/USDT:USDT'
export const ETH_SWAP = 'ETH/USDT:USDT'
export const BTC_SPOT = 'BTC/USDT'
export const ETH_SPOT = 'ETH/USDT'
