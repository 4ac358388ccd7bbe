import { afterEach, describe, expect, it } from 'vitest'
import { type VenueError } from '../../../src/main/ports/venue-error'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import { CircuitOpenError } from '../../../src/main/adapters/ccxt/discipline/request-discipline'
import { clientId, realSleep, restingBuy, startOkxRig, SWAP, waitFor, type OkxRig } from './support/okx-venue'

// The adapter's reaction to each REST fault the fake OKX can inject.
describe('ccxt okx adapter under REST faults (fake OKX)', () => {
  let rig: OkxRig
  afterEach(() => rig?.close())

  const requests = (method: string, path: string) => rig.fake.requests().filter((r) => r.method === method && r.path === path)
  const error = (promise: Promise<unknown>): Promise<VenueError> =>
    promise.then(
      () => {
        throw new Error('expected a VenueError')
      },
      (e: unknown) => e as VenueError,
    )

  it('latency: answers still arrive, just later', async () => {
    rig = await startOkxRig()
    await rig.venue.execution.balances()
    rig.fake.faults.latency(300)
    const started = Date.now()
    const usdt = (await rig.venue.execution.balances()).find((b) => b.currency === 'USDT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(usdt?.total).toBeGreaterThan(0)
  })

  it('HTTP 429 on a read: rate_limited, retried until it goes through', async () => {
    rig = await startOkxRig()
    await rig.venue.marketData.loadInstruments()
    rig.fake.faults.rateLimit(2, 'http429')
    expect((await rig.venue.execution.balances()).length).toBeGreaterThan(0)
    expect(requests('GET', '/api/v5/account/balance')).toHaveLength(3)
    expect(rig.venue.stats().requests).toMatchObject({ rateLimited: 2, retried: 2 })
  })

  it('code 50011 behind HTTP 200: the same, rate_limited and retried for reads', async () => {
    rig = await startOkxRig()
    await rig.venue.marketData.loadInstruments()
    rig.fake.faults.rateLimit(1, 'code50011')
    expect(await rig.venue.execution.positions()).toEqual([])
    expect(requests('GET', '/api/v5/account/positions')).toHaveLength(2)
  })

  it.each(['http429', 'code50011'] as const)('%s on a placement: rate_limited back to the caller, never resent', async (how) => {
    rig = await startOkxRig()
    await rig.venue.execution.balances()
    rig.fake.faults.rateLimit(1, how)
    const order = restingBuy()
    const failure = await error(rig.venue.execution.submit(order))
    expect(failure).toMatchObject({ kind: 'rate_limited', venueCode: '50011' })
    expect(requests('POST', '/api/v5/trade/order')).toHaveLength(1)
    expect(rig.fake.orders().map((o) => o.clOrdId)).not.toContain(order.clientOrderId)
    // nothing was placed, so the same client id can go again
    await expect(rig.venue.execution.submit(order)).resolves.toMatchObject({ status: 'open' })
  })

  it('5xx: retryable and retried; repeated ones open the circuit, which fails fast, then half-opens and closes', async () => {
    const changes: string[] = []
    rig = await startOkxRig({ breaker: { failureThreshold: 3, coolDownMs: 300, maxCoolDownMs: 1000 }, maxAttempts: 1, onBreakerChange: (s) => changes.push(s) })
    await rig.venue.marketData.loadInstruments()
    rig.fake.faults.serverError(3)
    for (let i = 0; i < 3; i++) expect(await error(rig.venue.execution.balances())).toMatchObject({ kind: 'retryable' })
    expect(changes).toEqual(['open'])
    const sent = rig.fake.requests().length
    const fast = await error(rig.venue.execution.balances())
    expect(fast).toBeInstanceOf(CircuitOpenError)
    expect(fast.retryAfterMs).toBeGreaterThan(0)
    expect(rig.fake.requests().length).toBe(sent)
    await realSleep(320)
    expect((await rig.venue.execution.balances()).length).toBeGreaterThan(0)
    expect(changes).toEqual(['open', 'half_open', 'closed'])
  })

  it('5xx on a read with retries left: the retry succeeds', async () => {
    rig = await startOkxRig()
    await rig.venue.marketData.loadInstruments()
    rig.fake.faults.serverError(1)
    expect((await rig.venue.execution.balances()).length).toBeGreaterThan(0)
    expect(requests('GET', '/api/v5/account/balance')).toHaveLength(2)
  })

  it('timeout after the venue accepted: ambiguous, and a follow-up query by client id finds the order', async () => {
    rig = await startOkxRig({ requestTimeoutMs: 500 })
    const events: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => events.push(e))
    await rig.venue.execution.balances()
    rig.fake.faults.timeoutAfterAccept(1)
    const order = restingBuy()
    const failure = await error(rig.venue.execution.submit(order))
    expect(failure.kind).toBe('ambiguous')
    expect(failure.message).toMatch(/query the order before resending/)
    expect(requests('POST', '/api/v5/trade/order')).toHaveLength(1)
    const found = await rig.venue.execution.queryOrder({ clientOrderId: order.clientOrderId, symbol: SWAP })
    expect(found).toMatchObject({ clientOrderId: order.clientOrderId, status: 'open', amount: 1, price: 50000 })
    await waitFor(() => events.some((e) => e.type === 'accepted' && e.order.clientOrderId === order.clientOrderId), 'the accepted event')
  })

  it('51016: rejected as duplicate_client_order_id', async () => {
    rig = await startOkxRig()
    await rig.venue.execution.balances()
    rig.fake.faults.rejectWithCode('51016', 'Duplicated clOrdId')
    expect(await error(rig.venue.execution.submit(restingBuy()))).toMatchObject({ kind: 'rejected', reason: 'duplicate_client_order_id', venueCode: '51016' })
  })

  it('partial fills: a market order filled in part announces the fill, then the cancelled remainder', async () => {
    rig = await startOkxRig()
    const events: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => events.push(e))
    rig.fake.faults.partialFill(0.5)
    const id = clientId()
    await rig.venue.execution.submit({ ...restingBuy(id), type: 'market', price: null, amount: 4 })
    await waitFor(() => events.some((e) => e.type === 'cancelled'), 'the cancelled remainder')
    expect(events.map((e) => `${e.type}:${e.order.filled}`)).toEqual(['accepted:0', 'partially_filled:2', 'cancelled:2'])
    expect(await rig.venue.execution.queryOrder({ clientOrderId: id, symbol: SWAP })).toMatchObject({ status: 'cancelled', filled: 2 })
  })

  it('partial fills: a crossing limit rests the rest, and a later print fills it as maker', async () => {
    rig = await startOkxRig()
    const events: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => events.push(e))
    rig.fake.setBook('BTC-USDT-SWAP', [[59990, 5]], [[60010, 5]])
    rig.fake.faults.partialFill(0.5)
    await rig.venue.execution.submit({ ...restingBuy(), price: 60010, amount: 4 })
    await waitFor(() => events.some((e) => e.type === 'partially_filled'), 'the partial fill')
    rig.fake.printTrade('BTC-USDT-SWAP', 60000, 10, 'sell')
    await waitFor(() => events.some((e) => e.type === 'filled'), 'the final fill')
    const fills = events.flatMap((e) => ('fill' in e ? [e.fill] : []))
    expect(fills.map((f) => [f.amount, f.liquidity])).toEqual([
      [2, 'taker'],
      [2, 'maker'],
    ])
    expect(fills.every((f) => f.fee > 0)).toBe(true)
  })

  it('priority lanes: a cancel issued behind 50 queued history requests goes out first', async () => {
    rig = await startOkxRig()
    const order = restingBuy()
    await rig.venue.execution.submit(order)
    rig.fake.faults.latency(30)
    const since = Date.now() - 3 * 24 * 3_600_000
    const history = Array.from({ length: 50 }, () => rig.venue.marketData.fetchCandles(SWAP, '1m', since, 100).catch(() => null))
    await realSleep(5)
    const cancelled = await rig.venue.execution.cancel({ clientOrderId: order.clientOrderId, symbol: SWAP })
    expect(cancelled.status).toBe('cancelled')
    const log = rig.fake.requests().filter((r) => r.path.startsWith('/api/v5/market/history-candles') || r.path === '/api/v5/trade/cancel-order')
    const cancelAt = log.findIndex((r) => r.path === '/api/v5/trade/cancel-order')
    // at most the two history requests already in flight went before it
    expect(cancelAt).toBeLessThanOrEqual(2)
    expect(rig.venue.stats().requests.queued.history).toBeGreaterThan(40)
    await rig.close()
    await Promise.all(history)
  })

  it('per-instrument order limit: never more than 60 placements on one instrument in any 2 s', async () => {
    rig = await startOkxRig()
    await rig.venue.execution.balances()
    const started = Date.now()
    await Promise.all(Array.from({ length: 65 }, () => rig.venue.execution.submit(restingBuy())))
    const times = requests('POST', '/api/v5/trade/order').map((r) => r.at)
    expect(times).toHaveLength(65)
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 2000).length).toBeLessThanOrEqual(60)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
  })
})
