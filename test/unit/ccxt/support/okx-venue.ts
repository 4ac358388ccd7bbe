import { createLiveClock } from '../../../../src/main/core/clock/live-clock'
import { createMemoryLogger } from '../../../../src/main/adapters/logging/memory-logger'
import { createCcxtVenue, type CcxtVenue, type CcxtVenueOptions } from '../../../../src/main/adapters/ccxt'
import { startFakeOkx, type FakeOkx, type FakeOkxOptions } from '../../../support/fake-okx'
import type { VenueUnderTest } from '../../../conformance/venue-under-test'

export const SWAP = 'BTC/USDT:USDT'
export const SWAP_ID = 'BTC-USDT-SWAP'

export interface OkxRig {
  fake: FakeOkx
  venue: CcxtVenue
  logs: ReturnType<typeof createMemoryLogger>
  close(): Promise<void>
}

/** The ccxt adapter for OKX pointed at a fresh fake OKX on 127.0.0.1, on the wall clock. */
export async function startOkxRig(overrides: Partial<CcxtVenueOptions> = {}, fakeOptions: FakeOkxOptions = {}): Promise<OkxRig> {
  const fake = await startFakeOkx(fakeOptions)
  const logs = createMemoryLogger('debug')
  const venue = await createCcxtVenue({
    venueId: 'okx',
    credentials: fake.credentials,
    demo: true,
    endpoints: { rest: fake.restUrl, ws: fake.wsUrl },
    clock: createLiveClock(),
    logger: logs,
    requestTimeoutMs: 2_000,
    ...overrides,
  })
  let closed: Promise<void> | null = null
  return {
    fake,
    venue,
    logs,
    close: () => {
      closed ??= venue.close().finally(() => fake.close())
      return closed
    },
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The conformance suites' view of the rig: the swap, with the fake's controls. */
export async function okxVenueUnderTest(): Promise<VenueUnderTest> {
  const rig = await startOkxRig()
  return {
    execution: rig.venue.execution,
    marketData: rig.venue.marketData,
    symbol: SWAP,
    setBook: async (bids, asks) => rig.fake.setBook(SWAP_ID, bids, asks),
    printTrade: async (price, amount, side) => rig.fake.printTrade(SWAP_ID, price, amount, side),
    settle: () => realSleep(20),
    close: () => rig.close(),
  }
}

/** Polls `predicate` every 10 ms of real time; fails naming `what` after `ms`. */
export async function waitFor(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await realSleep(10)
  }
}

let counter = 0
/** A fresh OKX-valid client order id. */
export function clientId(prefix = 'flt'): string {
  counter++
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}`
}

/** A limit buy far below the market: it rests and never fills by itself. */
export function restingBuy(id = clientId()) {
  return { clientOrderId: id, symbol: SWAP, side: 'buy' as const, type: 'limit' as const, amount: 1, price: 50000, timeInForce: 'GTC' as const, postOnly: false, reduceOnly: false }
}
