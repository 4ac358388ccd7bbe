import ccxt from 'ccxt'
import { describe, expect, it } from 'vitest'
import { BTC_SWAP, idOf, until, useFakeOkx } from './harness'

describe('fake OKX faults, as ccxt reports them', () => {
  const h = useFakeOkx()

  it('a duplicate clOrdId answers sCode 51016: ccxt InvalidOrder, and no second order exists', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000, { clientOrderId: 'dup1' })
    const err = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000, { clientOrderId: 'dup1' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ccxt.InvalidOrder)
    expect(String(err)).toContain('"sCode":"51016"')
    expect(fake.orders().filter((o) => o.clOrdId === 'dup1')).toHaveLength(1)
  })

  it('rate limits: HTTP 429 + 50011 and HTTP 200 + 50011 are both RateLimitExceeded; they clear after N', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    await ex.loadMarkets()
    fake.faults.rateLimit(2, 'http429')
    await expect(ex.fetchTicker(BTC_SWAP)).rejects.toThrow(ccxt.RateLimitExceeded)
    await expect(ex.fetchTicker(BTC_SWAP)).rejects.toThrow(ccxt.RateLimitExceeded)
    await expect(ex.fetchTicker(BTC_SWAP)).resolves.toMatchObject({ symbol: BTC_SWAP })
    fake.faults.rateLimit(1, 'code50011')
    await expect(ex.fetchOrderBook(BTC_SWAP)).rejects.toThrow(ccxt.RateLimitExceeded)
    // Every attempt is logged, refused or not, with its time.
    const log = fake.requests().filter((r) => r.path === '/api/v5/market/ticker')
    expect(log).toHaveLength(3)
    expect(log.every((r) => r.method === 'GET' && r.at > 0)).toBe(true)
  })

  it('HTTP 503 is ExchangeNotAvailable', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    await ex.loadMarkets()
    fake.faults.serverError(1)
    const err = await ex.fetchTicker(BTC_SWAP).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ccxt.ExchangeNotAvailable)
    expect(err).toBeInstanceOf(ccxt.NetworkError) // ExchangeNotAvailable is a NetworkError in ccxt's tree
    await expect(ex.fetchTicker(BTC_SWAP)).resolves.toBeTruthy()
  })

  it('timeoutAfterAccept: ccxt RequestTimeout while the order exists; asking by clOrdId finds it, resending is 51016', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { timeout: 1000 })
    await ex.loadMarkets()
    fake.faults.timeoutAfterAccept(1)
    const started = Date.now()
    await expect(ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000, { clientOrderId: 'ambig1' })).rejects.toThrow(ccxt.RequestTimeout)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(fake.orders()).toEqual([expect.objectContaining({ clOrdId: 'ambig1', state: 'live' })])
    expect(await ex.fetchOrder('', BTC_SWAP, { clientOrderId: 'ambig1' })).toMatchObject({ status: 'open', clientOrderId: 'ambig1' })
    await expect(ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000, { clientOrderId: 'ambig1' })).rejects.toThrow(/51016/)
  })

  it('bad credentials are AuthenticationError with HTTP 401 (50113 bad sign, 50111 bad key, 50105 bad passphrase)', async () => {
    const fake = await h.start()
    const badSign = await h.client(fake, { sandbox: true, config: { secret: 'wrong' } })
    await badSign.loadMarkets()
    const err = await badSign.fetchBalance().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ccxt.AuthenticationError)
    expect(String(err)).toContain('50113')
    const badKey = await h.client(fake, { sandbox: true, config: { apiKey: 'nobody' } })
    await expect(badKey.fetchBalance()).rejects.toThrow(/50111/)
    const badPass = await h.client(fake, { sandbox: true, config: { password: 'nope' } })
    await expect(badPass.fetchBalance()).rejects.toThrow(ccxt.AuthenticationError)
    const res = await fetch(`${fake.restUrl}/api/v5/account/balance`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: '50103' })
  })

  it('dropWebSockets: a pending watch rejects with NetworkError; watching again reconnects and gets a fresh snapshot', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    await ex.watchOrderBook(BTC_SWAP)
    const pending = ex.watchOrderBook(BTC_SWAP)
    await until(() => fake.subscriptions().length === 1)
    fake.faults.dropWebSockets()
    const err = await pending.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ccxt.NetworkError)
    expect(String(err)).toMatch(/closed by remote server, closing code 1006/)
    fake.setBook('BTC-USDT-SWAP', [[59000, 1]], [[61000, 1]])
    const again = await ex.watchOrderBook(BTC_SWAP)
    expect(again.bids).toEqual([[59000, 1]])
  })

  it('sequenceGap: ccxt itself detects the prevSeqId mismatch (InvalidNonce), drops the book, and the next watch resubscribes', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const first = await ex.watchOrderBook(BTC_SWAP)
    const seq = first.nonce ?? 0
    const pending = ex.watchOrderBook(BTC_SWAP)
    fake.faults.sequenceGap('BTC-USDT-SWAP')
    fake.setBook('BTC-USDT-SWAP', [[59950, 9]], [[60050, 9]])
    await expect(pending).rejects.toThrow(ccxt.InvalidNonce)
    // The next call sends a new subscribe; the fake answers with a fresh snapshot at the current seqId.
    const fresh = await ex.watchOrderBook(BTC_SWAP)
    expect(fresh.bids).toEqual([[59950, 9]])
    expect(fresh.nonce).toBe(seq + 2)
    const subscribes = fake.subscriptions().filter((s) => s.arg.channel === 'books')
    expect(subscribes).toHaveLength(1)
  })

  it('malformedFrame json: ccxt logs and ignores the unparsable frame; the next update then fails the seqId check', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    ex.log = () => undefined // ccxt console.logs the JSON.parse failure
    await ex.watchOrderBook(BTC_SWAP)
    let settled = false
    const pending = ex.watchOrderBook(BTC_SWAP).finally(() => {
      settled = true
    })
    fake.faults.malformedFrame('BTC-USDT-SWAP')
    fake.setBook('BTC-USDT-SWAP', [[59000, 1]], [[61000, 1]])
    await new Promise((r) => setTimeout(r, 100))
    expect(settled).toBe(false) // the garbage frame resolved nothing
    fake.setBook('BTC-USDT-SWAP', [[59001, 1]], [[61000, 1]])
    await expect(pending).rejects.toThrow(ccxt.InvalidNonce)
  })

  it('malformedFrame shape: ccxt accepts the frame, resolves an unchanged book with nonce undefined, then fails the next update', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const first = await ex.watchOrderBook(BTC_SWAP)
    const bestBid = first.bids[0]
    const pending = ex.watchOrderBook(BTC_SWAP)
    fake.faults.malformedFrame('BTC-USDT-SWAP', 'shape')
    fake.setBook('BTC-USDT-SWAP', [[59000, 1]], [[61000, 1]])
    const wrong = await pending
    expect(wrong.bids[0]).toEqual(bestBid) // stale: the real update was lost
    expect(wrong.nonce).toBeUndefined()
    const next = ex.watchOrderBook(BTC_SWAP)
    fake.setBook('BTC-USDT-SWAP', [[59001, 1]], [[61000, 1]])
    await expect(next).rejects.toThrow(ccxt.InvalidNonce)
  })

  it('partialFill: a market order fills the ratio and cancels the rest; a crossing limit rests the rest', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    fake.faults.partialFill(0.5)
    const m = await ex.createOrder(BTC_SWAP, 'market', 'buy', 10)
    expect(await ex.fetchOrder(idOf(m), BTC_SWAP)).toMatchObject({ status: 'canceled', filled: 5, amount: 10 })
    fake.faults.partialFill(0.3)
    const l = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 10, 60000.1)
    expect(await ex.fetchOrder(idOf(l), BTC_SWAP)).toMatchObject({ status: 'open', filled: 3, remaining: 7 })
    const full = await ex.createOrder(BTC_SWAP, 'market', 'buy', 10) // cleared after one use
    expect((await ex.fetchOrder(idOf(full), BTC_SWAP)).filled).toBe(10)
  })

  it('rejectWithCode: the next placement gets that sCode and places nothing', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    fake.faults.rejectWithCode('51008', 'Order failed. Insufficient USDT margin in account')
    await expect(ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000)).rejects.toThrow(ccxt.InsufficientFunds)
    fake.faults.rejectWithCode('50001', 'Service temporarily unavailable')
    await expect(ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000)).rejects.toThrow(ccxt.OnMaintenance)
    expect(fake.orders()).toEqual([])
    await ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000)
    expect(fake.orders()).toHaveLength(1)
  })

  it('latency delays REST answers and WS pushes until turned off', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    await ex.loadMarkets()
    fake.faults.latency(250)
    let t = Date.now()
    await ex.fetchTicker(BTC_SWAP)
    expect(Date.now() - t).toBeGreaterThanOrEqual(240)

    const pending = ex.watchTrades(BTC_SWAP)
    await until(() => fake.subscriptions().some((s) => s.arg.channel === 'trades'))
    t = Date.now()
    fake.printTrade('BTC-USDT-SWAP', 60001, 1, 'buy')
    await pending
    expect(Date.now() - t).toBeGreaterThanOrEqual(240)

    fake.faults.latency(0)
    t = Date.now()
    await ex.fetchTicker(BTC_SWAP)
    expect(Date.now() - t).toBeLessThan(200)
  })
})
