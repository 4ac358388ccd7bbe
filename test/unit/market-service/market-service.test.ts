import { beforeEach, describe, expect, it } from 'vitest'
import { FRAME_MS } from '../../../src/main/core/market/frame-coalescer'
import { HISTORY_BARS } from '../../../src/main/core/market/market-service'
import { VenueError } from '../../../src/main/ports/venue-error'
import { HandlerError } from '../../../src/shared/contract/envelope'
import { createServiceHarness, type ServiceHarness } from './service-harness'

const BTC = 'BTC/USDT:USDT'
const ETH = 'ETH/USDT:USDT'

describe('market service: venues and watches', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = createServiceHarness()
  })

  it('lists its venues with their descriptor and connection state, and connects on demand', async () => {
    expect(h.service.listVenues()).toEqual([
      expect.objectContaining({ id: 'fake', name: 'Fake venue', simulated: false, connection: 'idle', detail: null }),
    ])
    await expect(h.service.connect('fake')).resolves.toMatchObject({ id: 'fake', connection: 'connected' })
    expect((await h.service.listMarkets('fake')).map((i) => i.symbol)).toEqual([BTC, ETH])
  })

  it('prepends stored candles that lead up to the venue history; a store that fails to read costs only those', async () => {
    const watchBtc = () => h.service.watch({ venue: 'fake', symbol: BTC, streams: ['candles'], timeframe: '1m' })
    const first = (await watchBtc()).history[0]!.timestamp
    const older = [3, 2, 1].map((n) => ({ timestamp: first - n * 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 }))
    h = createServiceHarness({ store: { candles: (_key, from, to) => older.filter((c) => c.timestamp >= from && c.timestamp < to) } })
    const merged = (await watchBtc()).history
    expect(merged).toHaveLength(HISTORY_BARS + 3)
    expect(merged.slice(0, 3)).toEqual(older)

    h = createServiceHarness({
      store: {
        candles: () => {
          throw new Error('disk I/O error')
        },
      },
    })
    expect((await watchBtc()).history).toHaveLength(HISTORY_BARS)
    expect(h.logger.records.some((r) => r.level === 'warn' && r.msg.startsWith('could not read stored candles'))).toBe(true)
  })

  it('refuses an unknown venue with a message naming the known ones', async () => {
    const error = await h.service.listMarkets('binanse').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HandlerError)
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Unknown venue "binanse"; expected one of: fake' })
  })

  it('returns the instrument and candle history, then subscribes each stream once', async () => {
    const result = await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['ticker', 'book', 'trades', 'candles'], timeframe: '5m' })
    expect(result.instrument).toMatchObject({ symbol: BTC, tickSize: 0.1 })
    expect(result.history).toHaveLength(HISTORY_BARS)
    expect(result.history.at(-1)!.timestamp % 300_000).toBe(0)
    expect(h.fake.subscribeCalls.map((s) => s.kind).sort()).toEqual(['book', 'candles', 'ticker', 'trades'])
    expect(h.fake.subscribeCalls.find((s) => s.kind === 'candles')).toMatchObject({ timeframe: '5m' })
    expect(h.service.subscriptionCount()).toBe(4)
  })

  it('shares one adapter subscription between watchers and ends it when the last one leaves', async () => {
    const a = await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book', 'trades'], timeframe: '1m' })
    const b = await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book', 'candles'], timeframe: '1m' })
    expect(h.fake.subscribeCalls.filter((s) => s.kind === 'book')).toHaveLength(1)
    expect(h.fake.listeners('book', BTC)).toBe(1)

    expect(h.service.unwatch(a.watchId)).toEqual({ watchId: a.watchId, released: true })
    await h.settle()
    expect(h.fake.listeners('book', BTC)).toBe(1) // b still watches the book
    expect(h.fake.listeners('trades', BTC)).toBe(0) // only a watched trades

    expect(h.service.unwatch(b.watchId).released).toBe(true)
    await h.settle()
    expect(h.fake.listeners('book', BTC)).toBe(0)
    expect(h.fake.listeners('candles', BTC)).toBe(0)
    expect(h.service.subscriptionCount()).toBe(0)
    // Idempotent: a second unwatch, or one of an id that never existed, says so without failing.
    expect(h.service.unwatch(b.watchId)).toEqual({ watchId: b.watchId, released: false })
    expect(h.service.unwatch('nope')).toEqual({ watchId: 'nope', released: false })
  })

  it('candle streams of different timeframes are separate; ticker and book are shared across timeframes', async () => {
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['ticker', 'candles'], timeframe: '1m' })
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['ticker', 'candles'], timeframe: '1h' })
    expect(h.fake.subscribeCalls.map((s) => (s.kind === 'candles' ? `candles ${s.timeframe}` : s.kind))).toEqual(['ticker', 'candles 1m', 'candles 1h'])
  })

  it("refuses an unknown symbol with the adapter's closest-match message and leaks no subscription", async () => {
    const error = await h.service.watch({ venue: 'fake', symbol: 'BTC/USTD:USTD', streams: ['book', 'trades'], timeframe: '1m' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(`closest: ${BTC}`) })
    await h.settle()
    expect(h.service.subscriptionCount()).toBe(0)
    expect(h.service.watchCount()).toBe(0)
  })

  it('a venue that cannot load its markets answers unavailable, degrades its health, and is retried next time', async () => {
    h.fake.failInstruments = new VenueError('retryable', 'fake', 'connect ETIMEDOUT')
    const error = await h.service.connect('fake').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'unavailable', message: 'Loading the market list on fake failed: connect ETIMEDOUT' })
    expect(h.service.listVenues()[0]).toMatchObject({ connection: 'failed', detail: 'connect ETIMEDOUT' })
    expect(h.components.report().components.find((c) => c.name === 'venue:fake')).toMatchObject({ state: 'degraded', detail: expect.stringContaining('ETIMEDOUT') })

    h.fake.failInstruments = null
    await expect(h.service.connect('fake')).resolves.toMatchObject({ connection: 'connected' })
    expect(h.components.report().components.find((c) => c.name === 'venue:fake')!.state).toBe('running')
  })

  it('shutdown ends every subscription and closes the venue clients', async () => {
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book', 'trades'], timeframe: '1m' })
    await h.service.shutdown()
    expect(h.fake.listeners('book', BTC)).toBe(0)
    expect(h.fake.closed).toBe(true)
    expect(h.clock.pending()).toBe(0)
    expect(h.components.report().components.find((c) => c.name === 'venue:fake')!.state).toBe('stopped')
  })
})

describe('market service: coalescing, staleness and orphaned watches', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = createServiceHarness()
  })

  it('a burst of 1,000 book updates crosses as one event, cut to the depth the watcher asked for', async () => {
    const books = h.record('market.bookUpdated')
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book'], timeframe: '1m', depth: 10 })
    for (let i = 0; i < 1000; i++) h.fake.book(BTC, 60_000 + i)
    h.clock.advance(FRAME_MS)
    expect(books).toHaveLength(1)
    expect(books[0]!).toMatchObject({ venue: 'fake', symbol: BTC })
    expect(books[0]!.bids).toHaveLength(10)
    expect(books[0]!.bids[0]![0]).toBe(60_999 - 0.5)
  })

  it('batches trades of several symbols separately, each event naming its symbol', async () => {
    const batches = h.record('market.tradesPrinted')
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['trades'], timeframe: '1m' })
    await h.service.watch({ venue: 'fake', symbol: ETH, streams: ['trades'], timeframe: '1m' })
    for (let i = 0; i < 20; i++) h.fake.trades(i % 2 ? BTC : ETH, 100 + i)
    h.clock.advance(FRAME_MS)
    expect(batches.map((b) => [b.symbol, b.trades.length]).sort()).toEqual([
      [BTC, 10],
      [ETH, 10],
    ])
  })

  it('marks a silent stream stale within 5 s, degrades its venue naming the stream, and recovers on the next update', async () => {
    const statuses = h.record('market.feedStatusChanged')
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book', 'trades'], timeframe: '1m' })
    h.fake.book(BTC, 100)
    h.fake.trades(BTC, 100)
    expect(statuses.filter((s) => s.status === 'live').map((s) => s.stream).sort()).toEqual(['book', 'trades'])

    h.clock.advance(3000)
    h.fake.trades(BTC, 101) // trades keep flowing, the book goes quiet
    h.clock.advance(2000)
    expect(statuses.at(-1)).toMatchObject({ venue: 'fake', symbol: BTC, stream: 'book', status: 'stale', detail: 'no update for 5 s' })
    const venue = () => h.components.report().components.find((c) => c.name === 'venue:fake')!
    expect(venue()).toMatchObject({ state: 'degraded', detail: 'BTC/USDT:USDT book stale (no update for 5 s)' })

    h.fake.book(BTC, 101)
    expect(statuses.at(-1)).toMatchObject({ stream: 'book', status: 'live' })
    expect(venue().state).toBe('running')
  })

  it("forwards the adapter's reconnecting status and reports the venue degraded meanwhile", async () => {
    const statuses = h.record('market.feedStatusChanged')
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['ticker'], timeframe: '1m' })
    h.fake.ticker(BTC, 100)
    h.fake.status('ticker', BTC, 'reconnecting', 'socket closed (1006)')
    expect(statuses.at(-1)).toMatchObject({ stream: 'ticker', status: 'reconnecting', detail: 'socket closed (1006)', timeframe: null })
    expect(h.components.report().overall).toBe('degraded')
    h.fake.ticker(BTC, 101)
    expect(statuses.at(-1)).toMatchObject({ status: 'live' })
    expect(h.components.report().overall).toBe('running')
  })

  it('publishes nothing of a stream after its last watcher left, and says it closed', async () => {
    const books = h.record('market.bookUpdated')
    const statuses = h.record('market.feedStatusChanged')
    const { watchId } = await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book'], timeframe: '1m' })
    h.fake.book(BTC, 100)
    h.service.unwatch(watchId)
    h.clock.advance(FRAME_MS * 10)
    expect(books).toHaveLength(0)
    expect(statuses.at(-1)).toMatchObject({ stream: 'book', status: 'closed', detail: 'no watchers left' })
  })

  it('releases watches nobody listens to any more, but keeps those with a subscriber', async () => {
    const off = h.bus.subscribe('market.bookUpdated', () => {})
    await h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book'], timeframe: '1m' })
    h.clock.advance(60_000)
    expect(h.service.watchCount()).toBe(1)
    off() // the only window closed without unwatching
    h.clock.advance(20_000)
    expect(h.service.watchCount()).toBe(0)
    await h.settle()
    expect(h.fake.listeners('book', BTC)).toBe(0)
  })
})

describe('market service: races', () => {
  it('watchers arriving while the adapter is still subscribing share the one pending subscription', async () => {
    const h = createServiceHarness()
    let open!: () => void
    h.fake.subscribeGate = new Promise<void>((resolve) => (open = resolve))
    const first = h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book'], timeframe: '1m' })
    const second = h.service.watch({ venue: 'fake', symbol: BTC, streams: ['book'], timeframe: '1m' })
    await h.settle()
    expect(h.fake.subscribeCalls).toHaveLength(1)
    open()
    const [a, b] = await Promise.all([first, second])
    h.service.unwatch(a.watchId)
    await h.settle()
    expect(h.fake.listeners('book', BTC)).toBe(1)
    h.service.unwatch(b.watchId)
    await h.settle()
    expect(h.fake.listeners('book', BTC)).toBe(0)
  })
})
