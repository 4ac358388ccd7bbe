import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { BTC_SPOT, BTC_SWAP, until, useFakeOkx } from './harness'

/** A raw WS client for protocol-level checks ccxt hides. */
async function raw(url: string): Promise<{ ws: WebSocket; next(): Promise<string>; close(): void }> {
  const ws = new WebSocket(url)
  const inbox: string[] = []
  const waiters: ((s: string) => void)[] = []
  ws.on('message', (d) => {
    const text = d.toString()
    const w = waiters.shift()
    if (w) w(text)
    else inbox.push(text)
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return {
    ws,
    next: () => {
      const queued = inbox.shift()
      return queued !== undefined ? Promise.resolve(queued) : new Promise((r) => waiters.push(r))
    },
    close: () => ws.close(),
  }
}

describe('fake OKX public WebSocket through ccxt.pro.okx', () => {
  const h = useFakeOkx()

  it('watchOrderBook gets the snapshot, then updates after setBook', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const first = await ex.watchOrderBook(BTC_SWAP)
    expect(first.bids[0]).toEqual([59999.9, 50])
    expect(first.asks[0]).toEqual([60000.1, 50])
    const seq = first.nonce ?? 0

    const pending = ex.watchOrderBook(BTC_SWAP)
    fake.setBook('BTC-USDT-SWAP', [[59990, 5], [59980, 7]], [[60020, 3]])
    const next = await pending
    expect(next.bids).toEqual([
      [59990, 5],
      [59980, 7],
    ])
    expect(next.asks).toEqual([[60020, 3]])
    expect(next.nonce).toBe(seq + 1)
    expect(fake.subscriptions()).toEqual([expect.objectContaining({ endpoint: 'public', arg: { channel: 'books', instId: 'BTC-USDT-SWAP' } })])
  })

  it('a taker order that consumes depth is pushed as a book update', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.watchOrderBook(BTC_SWAP)
    const pending = ex.watchOrderBook(BTC_SWAP)
    await ex.createOrder(BTC_SWAP, 'market', 'buy', 60)
    let book = await pending
    while (book.asks[0]?.[0] !== 60001) book = await ex.watchOrderBook(BTC_SWAP)
    expect(book.asks[0]).toEqual([60001, 90])
  })

  it('watchOrderBook with limit 5 uses books5 (full top-5 pushes)', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const first = await ex.watchOrderBook(BTC_SPOT, 5)
    expect(first.asks).toHaveLength(5)
    const pending = ex.watchOrderBook(BTC_SPOT, 5)
    fake.setBook('BTC-USDT', [[59000, 1]], [[61000, 1]])
    const next = await pending
    expect(next.bids.map((l) => l.slice(0, 2))).toEqual([[59000, 1]]) // books5 levels keep OKX's order count as a third element
    expect(fake.subscriptions()[0]?.arg.channel).toBe('books5')
  })

  it('watchTrades receives printTrade', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const pending = ex.watchTrades(BTC_SWAP)
    await until(() => fake.subscriptions().some((s) => s.arg.channel === 'trades'), 5000, 'trades subscription')
    fake.printTrade('BTC-USDT-SWAP', 60050, 4, 'sell')
    const trades = await pending
    expect(trades.map((t) => [t.symbol, t.price, t.amount, t.side])).toEqual([[BTC_SWAP, 60050, 4, 'sell']])
  })

  it('watchTicker, watchMarkPrice and watchFundingRate push current state, then changes', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    await ex.loadMarkets() // ccxt's okx.watchTicker/watchMarkPrice look the market up before loading markets
    expect((await ex.watchTicker(BTC_SWAP)).last).toBe(60000)
    const tick = ex.watchTicker(BTC_SWAP)
    fake.printTrade('BTC-USDT-SWAP', 60100, 1, 'buy')
    expect((await tick).last).toBe(60100)

    expect((await ex.watchMarkPrice(BTC_SWAP)).markPrice).toBe(60000)
    const mark = ex.watchMarkPrice(BTC_SWAP)
    fake.setMarkPrice('BTC-USDT-SWAP', 60200.5)
    expect((await mark).markPrice).toBe(60200.5)

    await ex.watchFundingRate(BTC_SWAP)
    const fr = ex.watchFundingRate(BTC_SWAP)
    fake.setFundingRate('BTC-USDT-SWAP', -0.0003, Date.now() + 3_600_000)
    expect((await fr).fundingRate).toBe(-0.0003)
  })

  it('watchOHLCV goes to /business and follows printTrade', async () => {
    const fake = await h.start()
    const ex = await h.client(fake, { auth: false })
    const first = await ex.watchOHLCV(BTC_SWAP, '1m')
    expect(first.length).toBeGreaterThan(0)
    expect(fake.subscriptions()).toEqual([expect.objectContaining({ endpoint: 'business', arg: { channel: 'candle1m', instId: 'BTC-USDT-SWAP' } })])
    const pending = ex.watchOHLCV(BTC_SWAP, '1m')
    fake.printTrade('BTC-USDT-SWAP', 62000, 9, 'buy')
    const candles = await pending
    expect(candles.at(-1)?.[4]).toBe(62000)
    expect(candles.at(-1)?.[0]).toBe(Math.floor(Date.now() / 60_000) * 60_000)
  })

  it('speaks the protocol: ping/pong, acks with connId, errors for bad channels, unsubscribe', async () => {
    const fake = await h.start()
    const c = await raw(`${fake.wsUrl}/public`)
    try {
      c.ws.send('ping')
      expect(await c.next()).toBe('pong')

      c.ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] }))
      const ack = JSON.parse(await c.next())
      expect(ack).toMatchObject({ event: 'subscribe', arg: { channel: 'tickers', instId: 'BTC-USDT' } })
      expect(ack.connId).toMatch(/^[0-9a-f]{8}$/)
      expect(JSON.parse(await c.next())).toMatchObject({ arg: { channel: 'tickers' }, data: [{ instId: 'BTC-USDT', last: '60000' }] })

      c.ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'books', instId: 'NOPE-USDT' }] }))
      expect(JSON.parse(await c.next())).toMatchObject({ event: 'error', code: '60018' })
      c.ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'candle1m', instId: 'BTC-USDT' }] }))
      expect(JSON.parse(await c.next())).toMatchObject({ event: 'error', code: '64001' })
      c.ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'orders', instType: 'ANY' }] }))
      expect(JSON.parse(await c.next())).toMatchObject({ event: 'error', code: '60018' })
      c.ws.send('{not json')
      expect(JSON.parse(await c.next())).toMatchObject({ event: 'error', code: '60012' })

      c.ws.send(JSON.stringify({ op: 'unsubscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] }))
      expect(JSON.parse(await c.next())).toMatchObject({ event: 'unsubscribe', arg: { channel: 'tickers' } })
      expect(fake.subscriptions()).toEqual([])
    } finally {
      c.close()
    }
  })

  it('book frames carry action, seqId/prevSeqId and checksum 0', async () => {
    const fake = await h.start()
    const c = await raw(`${fake.wsUrl}/public`)
    try {
      c.ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'books', instId: 'ETH-USDT-SWAP' }] }))
      await c.next() // ack
      const snap = JSON.parse(await c.next())
      expect(snap).toMatchObject({ action: 'snapshot', data: [{ checksum: 0, prevSeqId: -1 }] })
      expect(snap.data[0].asks[0]).toEqual(['3000.01', '50', '0', '1'])
      fake.setBook('ETH-USDT-SWAP', [[2999.99, 60]], [[3000.01, 50]])
      const upd = JSON.parse(await c.next())
      expect(upd.action).toBe('update')
      expect(upd.data[0].prevSeqId).toBe(snap.data[0].seqId)
      expect(upd.data[0].seqId).toBe(snap.data[0].seqId + 1)
      // Only changed levels, removed ones with size '0'.
      expect(upd.data[0].bids).toContainEqual(['2999.99', '60', '0', '1'])
      expect(upd.data[0].bids).toContainEqual(['2999.9', '0', '0', '0'])
      expect(upd.data[0].asks).not.toContainEqual(['3000.01', '50', '0', '1'])
    } finally {
      c.close()
    }
  })
})
