import { describe, expect, it } from 'vitest'
import { BTC_SPOT, BTC_SWAP, ETH_SPOT, ETH_SWAP, useFakeOkx } from './harness'

describe('fake OKX public REST through ccxt.okx', () => {
  const h = useFakeOkx()

  it('loadMarkets sees the four default markets with OKX precision, limits and contract size', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const markets = await ex.loadMarkets()
    expect(Object.keys(markets).sort()).toEqual([BTC_SPOT, BTC_SWAP, ETH_SPOT, ETH_SWAP].sort())

    const swap = markets[BTC_SWAP]
    expect(swap).toMatchObject({ id: 'BTC-USDT-SWAP', type: 'swap', contract: true, linear: true, settle: 'USDT', contractSize: 0.01, active: true })
    expect(swap?.precision).toEqual({ amount: 1, price: 0.1 })
    expect(swap?.limits.amount?.min).toBe(1)
    expect(swap?.limits.leverage?.max).toBe(100)
    expect(markets[ETH_SWAP]).toMatchObject({ contractSize: 0.1, precision: { amount: 1, price: 0.01 } })

    const spot = markets[BTC_SPOT]
    expect(spot).toMatchObject({ id: 'BTC-USDT', type: 'spot', spot: true, contractSize: undefined, base: 'BTC', quote: 'USDT' })
    expect(spot?.precision).toEqual({ amount: 0.00000001, price: 0.1 })
    expect(spot?.limits.amount?.min).toBe(0.00001)
    expect(markets[ETH_SPOT]?.precision.price).toBe(0.01)

    // Public loadMarkets asks for nothing but the instruments of each type.
    expect(fake.requests().map((r) => `${r.method} ${r.path}?${r.query}`).sort()).toEqual([
      'GET /api/v5/public/instruments?instType=SPOT',
      'GET /api/v5/public/instruments?instType=SWAP',
    ])
  })

  it('with keys, loadMarkets also reads /asset/currencies (signed); sandbox mode skips it and sends x-simulated-trading', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.loadMarkets()
    expect(fake.requests().map((r) => r.path)).toContain('/api/v5/asset/currencies')
    expect(ex.currencies.USDT?.id).toBe('USDT')

    const demo = await h.start()
    const sandbox = await h.client(demo, { sandbox: true })
    expect(sandbox.headers).toMatchObject({ 'x-simulated-trading': '1' })
    await sandbox.loadMarkets()
    await sandbox.fetchBalance()
    expect(demo.requests().map((r) => r.path)).not.toContain('/api/v5/asset/currencies')
    expect(demo.requests().every((r) => r.simulated)).toBe(true)
    expect(fake.requests().some((r) => r.simulated)).toBe(false)
  })

  it('fetchTime, fetchTicker and fetchTickers', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const time = await ex.fetchTime()
    expect(Math.abs((time ?? 0) - Date.now())).toBeLessThan(5000)

    const t = await ex.fetchTicker(BTC_SWAP)
    expect(t).toMatchObject({ symbol: BTC_SWAP, bid: 59999.9, ask: 60000.1, bidVolume: 50, askVolume: 50, last: 60000 })
    fake.printTrade('BTC-USDT-SWAP', 60123.4, 3, 'buy')
    expect((await ex.fetchTicker(BTC_SWAP)).last).toBe(60123.4)

    const all = await ex.fetchTickers(undefined, { type: 'swap' })
    expect(Object.keys(all).sort()).toEqual([BTC_SWAP, ETH_SWAP])
  })

  it('fetchOrderBook honours the depth and follows setBook', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const book = await ex.fetchOrderBook(BTC_SWAP, 3)
    expect(book.bids.map((l) => l.slice(0, 2))).toEqual([
      [59999.9, 50],
      [59999, 100],
      [59998, 200],
    ])
    expect(book.asks[0]?.slice(0, 2)).toEqual([60000.1, 50])
    expect(book.asks).toHaveLength(3)

    fake.setBook('ETH-USDT', [[2500, 1.5]], [[2501.25, 2]])
    const eth = await ex.fetchOrderBook(ETH_SPOT, 10)
    expect(eth.bids.map((l) => l.slice(0, 2))).toEqual([[2500, 1.5]])
    expect(eth.asks.map((l) => l.slice(0, 2))).toEqual([[2501.25, 2]])
  })

  it('fetchTrades returns printed trades, newest last after ccxt sorts them', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    expect(await ex.fetchTrades(BTC_SWAP)).toEqual([])
    fake.printTrade('BTC-USDT-SWAP', 60010, 2, 'buy')
    fake.printTrade('BTC-USDT-SWAP', 60005.5, 1, 'sell')
    const trades = await ex.fetchTrades(BTC_SWAP)
    expect(trades.map((t) => [t.price, t.amount, t.side])).toEqual([
      [60010, 2, 'buy'],
      [60005.5, 1, 'sell'],
    ])
    expect(trades[0]?.id).toMatch(/^\d+$/)
    expect(trades[0]?.cost).toBeCloseTo(60010 * 2 * 0.01) // ccxt applies contractSize
  })

  it('fetchOHLCV serves seeded history per bar, with since/limit paging, and updates the 1m candle on printTrade', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const minute = await ex.fetchOHLCV(BTC_SWAP, '1m', undefined, 50)
    expect(minute).toHaveLength(50)
    for (let i = 1; i < minute.length; i++) expect((minute[i]?.[0] ?? 0) - (minute[i - 1]?.[0] ?? 0)).toBe(60_000)
    expect(minute.at(-1)?.[4]).toBe(60000) // seeded history ends at the reference price

    const hours = await ex.fetchOHLCV(BTC_SWAP, '1h', undefined, 10)
    expect(hours).toHaveLength(10)
    expect((hours[1]?.[0] ?? 0) % 3_600_000).toBe(0)

    const since = minute[10]?.[0] ?? 0
    const paged = await ex.fetchOHLCV(BTC_SWAP, '1m', since, 5)
    expect(paged.map((c) => c[0])).toEqual(minute.slice(10, 15).map((c) => c[0]))

    fake.printTrade('BTC-USDT-SWAP', 61000, 7, 'buy')
    const latest = (await ex.fetchOHLCV(BTC_SWAP, '1m', undefined, 1))[0]
    expect(latest?.[4]).toBe(61000)
    expect(latest?.[0]).toBe(Math.floor(Date.now() / 60_000) * 60_000)

    const spot = await ex.fetchOHLCV(BTC_SPOT, '1d', undefined, 2)
    expect(spot.length).toBeGreaterThan(0)
  })

  it('fetchFundingRate and fetchMarkPrice follow setFundingRate and setMarkPrice', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const next = Math.ceil(Date.now() / 28_800_000) * 28_800_000
    fake.setFundingRate('BTC-USDT-SWAP', 0.00025, next)
    const fr = await ex.fetchFundingRate(BTC_SWAP)
    expect(fr).toMatchObject({ symbol: BTC_SWAP, fundingRate: 0.00025, fundingTimestamp: next, nextFundingTimestamp: next + 28_800_000, interval: '8h' })

    fake.setMarkPrice('BTC-USDT-SWAP', 59876.5)
    expect((await ex.fetchMarkPrice(BTC_SWAP)).markPrice).toBe(59876.5)
  })

  it('answers OKX errors for unknown instruments and unknown paths', async () => {
    const fake = await h.start()
    const res = await fetch(`${fake.restUrl}/api/v5/market/ticker?instId=DOGE-USDT`)
    expect(await res.json()).toMatchObject({ code: '51001', data: [] })
    const missing = await fetch(`${fake.restUrl}/api/v5/market/books`)
    expect(await missing.json()).toMatchObject({ code: '50014' })
    expect((await fetch(`${fake.restUrl}/api/v5/nope`)).status).toBe(404)
  })
})
