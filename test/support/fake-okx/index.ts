/**
 * A fake OKX v5 exchange on 127.0.0.1 for tests: REST under /api/v5 and
 * WebSocket under /ws/v5/{public,private,business}, close enough to the real
 * wire format that the real ccxt.okx / ccxt.pro.okx classes work against it.
 * See README.md next to this file for how to point ccxt at it.
 */
import { Account } from './account'
import type { FakeContext } from './context'
import { DeadManSwitch } from './dead-man'
import { createEvents, Ids } from './events'
import { FaultState } from './faults'
import { DEFAULT_INSTRUMENTS } from './instruments'
import { MarketData } from './market'
import { Matching } from './matching'
import { privateRoutes } from './rest-private'
import { publicRoutes } from './rest-public'
import { RestServer } from './server'
import type { FakeOkx, FakeOkxOptions } from './types'
import { publicChannels, wirePublic } from './ws-public'
import { privateChannels, wirePrivate } from './ws-private'
import { WsHub } from './ws-server'

export type {
  CancelAllAfterState,
  FakeFill,
  FakeInstrument,
  FakeOkx,
  FakeOkxFaults,
  FakeOkxOptions,
  FakeOrder,
  FakeOrderState,
  FakeOrdType,
  FakePosition,
  InstType,
  Level,
  RequestLogEntry,
  Side,
  WsSubscription,
} from './types'
export { DEFAULT_INSTRUMENTS } from './instruments'

export const DEFAULT_BALANCES: Record<string, number> = { USDT: 100_000, BTC: 1, ETH: 10 }

export async function startFakeOkx(options: FakeOkxOptions = {}): Promise<FakeOkx> {
  const creds = {
    apiKey: options.apiKey ?? 'fake-okx-api-key',
    secret: options.secret ?? 'fake-okx-secret',
    passphrase: options.passphrase ?? 'fake-okx-passphrase',
  }
  const events = createEvents()
  const ids = new Ids()
  const faults = new FaultState()
  const markets = new MarketData(options.instruments ?? DEFAULT_INSTRUMENTS, events, ids, options.candleHistoryMinutes ?? 1440)
  // Account needs the open orders for its frozen amounts and Matching needs the account: break the cycle with a late binding.
  let matching: Matching | null = null
  const account = new Account(options.balances ?? DEFAULT_BALANCES, markets, () => matching?.open() ?? [])
  matching = new Matching(markets, account, events, ids, faults)
  const m = matching
  const deadMan = new DeadManSwitch(() => m.cancelAll('20'))
  const ctx: FakeContext = { markets, account, matching: m, faults, events, ids, creds, deadMan }

  const hub = new WsHub(ctx, [...publicChannels(ctx), ...privateChannels(ctx)])
  wirePublic(ctx, hub)
  wirePrivate(ctx, hub)
  const rest = new RestServer(ctx, [...publicRoutes(ctx), ...privateRoutes(ctx)], hub)
  const port = await rest.listen()

  let closed: Promise<void> | null = null
  return {
    port,
    restUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/v5`,
    credentials: { apiKey: creds.apiKey, secret: creds.secret, password: creds.passphrase },
    setBook: (instId, bids, asks) => markets.setBook(instId, bids, asks),
    printTrade: (instId, price, size, side) => {
      const trade = markets.recordTrade(instId, price, size, side)
      m.onPublicTrade(instId, price, size, trade.tradeId)
    },
    setMarkPrice: (instId, price) => markets.setMarkPrice(instId, price),
    setFundingRate: (instId, rate, nextFundingTime) => markets.setFundingRate(instId, rate, nextFundingTime),
    orders: () => structuredClone(m.all()),
    requests: () => rest.log.map((r) => ({ ...r })),
    positions: () => account.allPositions(),
    balances: () => account.cashAll(),
    cancelAllAfter: () => deadMan.current(),
    leverage: (instId) => account.leverage(instId),
    subscriptions: () => [...hub.conns].flatMap((c) => [...c.subs.values()].map((arg) => ({ endpoint: c.endpoint, connId: c.connId, arg: { ...arg } }))),
    faults: {
      latency: (ms) => {
        faults.latencyMs = ms
      },
      rateLimit: (n, how) => faults.setRateLimit(n, how),
      serverError: (n) => faults.setServerError(n),
      timeoutAfterAccept: (n) => faults.setTimeoutAfterAccept(n),
      dropWebSockets: () => hub.dropAll(),
      sequenceGap: (instId) => markets.must(instId).book.requestGap(),
      malformedFrame: (instId, kind = 'json') => {
        markets.must(instId)
        faults.setMalformed(instId, kind)
      },
      partialFill: (ratio) => faults.setPartialFill(ratio),
      rejectWithCode: (code, msg) => faults.setReject(code, msg),
    },
    close: () => {
      closed ??= (async () => {
        deadMan.clear()
        events.removeAllListeners()
        await hub.close()
        await rest.close()
      })()
      return closed
    },
  }
}
