import { describe, expect, it } from 'vitest'
import { createLazyMarketData, type LazyVenueHandle } from '../../../src/main/composition/lazy-market-data'
import type { MarketDataClient } from '../../../src/main/ports/market-data-client'
import { VenueError } from '../../../src/main/ports/venue-error'
import type { Instrument } from '../../../src/shared/domain/market'
import type { VenueCapabilities } from '../../../src/shared/domain/venue'

const CAPABILITIES: VenueCapabilities = {
  marketTypes: ['swap'],
  orderTypes: ['limit'],
  timeInForce: ['GTC'],
  postOnly: false,
  reduceOnly: false,
  amend: false,
  websocket: { ticker: true, book: true, trades: true, candles: true, orders: false },
  demoMode: false,
  fetchHistory: true,
}

const INSTRUMENT = { symbol: 'BTC/USDT:USDT' } as Instrument

interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A handle whose client records what it was asked and whether it was closed. */
function fakeHandle(): LazyVenueHandle & { calls: string[]; closes: number } {
  const calls: string[] = []
  const marketData: MarketDataClient = {
    venue: 'okx',
    capabilities: CAPABILITIES,
    loadInstruments: async () => (calls.push('loadInstruments'), [INSTRUMENT]),
    subscribe: async (stream) => (calls.push(`subscribe ${stream.kind}`), { stream, unsubscribe: async () => {} }),
    fetchCandles: async () => (calls.push('fetchCandles'), []),
    fetchTrades: async () => (calls.push('fetchTrades'), []),
    close: async () => {},
  }
  const handle = {
    marketData,
    calls,
    closes: 0,
    close: async () => {
      handle.closes++
    },
  }
  return handle
}

/** A factory whose every attempt is a deferred the test settles. */
function scriptedFactory(): { create: () => Promise<LazyVenueHandle>; attempts: Deferred<LazyVenueHandle>[] } {
  const attempts: Deferred<LazyVenueHandle>[] = []
  return {
    attempts,
    create: () => {
      const attempt = deferred<LazyVenueHandle>()
      attempts.push(attempt)
      return attempt.promise
    },
  }
}

describe('lazy market data', () => {
  it('knows its venue and capabilities without creating anything', () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    expect(client.venue).toBe('okx')
    expect(client.capabilities).toBe(CAPABILITIES)
    expect(factory.attempts).toHaveLength(0)
  })

  it('creates the venue once, on first use, and routes every call to it', async () => {
    const handle = fakeHandle()
    let created = 0
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: async () => (created++, handle) })
    expect(await client.loadInstruments()).toEqual([INSTRUMENT])
    await client.subscribe({ kind: 'book', symbol: 'BTC/USDT:USDT' }, () => {})
    await client.fetchCandles('BTC/USDT:USDT', '1m', null, 10)
    await client.fetchTrades('BTC/USDT:USDT', null, 10)
    expect(created).toBe(1)
    expect(handle.calls).toEqual(['loadInstruments', 'subscribe book', 'fetchCandles', 'fetchTrades'])
  })

  it('shares one creation in flight between concurrent callers', async () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    const first = client.loadInstruments()
    const second = client.fetchTrades('BTC/USDT:USDT', null, 5)
    const third = client.subscribe({ kind: 'trades', symbol: 'BTC/USDT:USDT' }, () => {})
    expect(factory.attempts).toHaveLength(1)
    const handle = fakeHandle()
    factory.attempts[0]!.resolve(handle)
    await Promise.all([first, second, third])
    expect(handle.calls.sort()).toEqual(['fetchTrades', 'loadInstruments', 'subscribe trades'])
  })

  it('surfaces a failed creation as a retryable VenueError naming the venue, and tries again on the next call', async () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    const first = client.loadInstruments()
    const alsoWaiting = client.fetchCandles('BTC/USDT:USDT', '1m', null, 1)
    factory.attempts[0]!.reject(new Error('getaddrinfo ENOTFOUND www.okx.com'))
    await expect(first).rejects.toMatchObject({ name: 'VenueError', kind: 'retryable', venue: 'okx', message: expect.stringMatching(/could not start the okx connection: getaddrinfo ENOTFOUND/) })
    await expect(alsoWaiting).rejects.toBeInstanceOf(VenueError)

    const retry = client.loadInstruments()
    expect(factory.attempts).toHaveLength(2)
    factory.attempts[1]!.resolve(fakeHandle())
    await expect(retry).resolves.toEqual([INSTRUMENT])
  })

  it("passes a factory's own VenueError through unchanged", async () => {
    const refusal = new VenueError('unsupported', 'okx', 'okx: ccxt has no WebSocket class')
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: () => Promise.reject(refusal) })
    await expect(client.loadInstruments()).rejects.toBe(refusal)
  })

  it('closes before creation without creating, and refuses calls afterwards', async () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    await client.close()
    await expect(client.loadInstruments()).rejects.toThrow(/okx market data is closed/)
    expect(factory.attempts).toHaveLength(0)
  })

  it('closes the created venue once, however often close is called', async () => {
    const handle = fakeHandle()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: async () => handle })
    await client.loadInstruments()
    await Promise.all([client.close(), client.close()])
    await client.close()
    expect(handle.closes).toBe(1)
    await expect(client.subscribe({ kind: 'ticker', symbol: 'BTC/USDT:USDT' }, () => {})).rejects.toThrow(/closed/)
  })

  it('closed while the creation is in flight: waits for it, closes what was built, and the waiting caller is refused', async () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    const waiting = client.loadInstruments()
    let closed = false
    const closing = client.close().then(() => (closed = true))
    await Promise.resolve()
    expect(closed).toBe(false)
    const handle = fakeHandle()
    factory.attempts[0]!.resolve(handle)
    await closing
    expect(handle.closes).toBe(1)
    expect(handle.calls).toEqual([])
    await expect(waiting).rejects.toThrow(/closed/)
  })

  it('closed while a creation that then fails is in flight: close still resolves', async () => {
    const factory = scriptedFactory()
    const client = createLazyMarketData({ venue: 'okx', capabilities: CAPABILITIES, create: factory.create })
    const waiting = client.loadInstruments()
    const closing = client.close()
    factory.attempts[0]!.reject(new Error('offline'))
    await expect(closing).resolves.toBeUndefined()
    await expect(waiting).rejects.toMatchObject({ kind: 'retryable' })
  })
})
