import ccxt from 'ccxt'
import { describe, expect, it } from 'vitest'
import { BTC_SWAP, idOf, until, useFakeOkx } from './harness'
import type { FakeOkx } from '../../support/fake-okx'

const subscribed = (fake: FakeOkx, channel: string) => () => fake.subscriptions().some((s) => s.endpoint === 'private' && s.arg.channel === channel)

describe('fake OKX private WebSocket through ccxt.pro.okx', () => {
  const h = useFakeOkx()

  it('watchOrders logs in, then receives every state change: live, partial fill, fill', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.loadMarkets()
    const seen: { status: string | undefined; filled: number | undefined; tradeId: string }[] = []
    let done = false
    const loop = (async () => {
      while (!done) {
        const orders = await ex.watchOrders(BTC_SWAP)
        for (const o of orders) seen.push({ status: o.status, filled: o.filled, tradeId: String(o.info.tradeId) })
        if (orders.some((o) => o.status === 'closed')) done = true
      }
    })()
    await until(subscribed(fake, 'orders'), 5000, 'orders subscription')
    expect(fake.subscriptions().find((s) => s.arg.channel === 'orders')?.arg).toEqual({ channel: 'orders', instType: 'SWAP', instId: 'BTC-USDT-SWAP' })

    const placed = await ex.createOrder(BTC_SWAP, 'limit', 'sell', 4, 60100, { clientOrderId: 'wsfill1' })
    await until(() => seen.length >= 1, 5000, 'live push')
    fake.printTrade('BTC-USDT-SWAP', 60100, 1, 'buy')
    await until(() => seen.some((s) => s.filled === 1), 5000, 'partial fill push')
    fake.printTrade('BTC-USDT-SWAP', 60200, 10, 'buy')
    await loop
    expect(seen[0]).toMatchObject({ status: 'open', filled: 0, tradeId: '' })
    expect(seen.at(-1)).toMatchObject({ status: 'closed', filled: 4 })
    const fills = seen.filter((s) => s.tradeId !== '')
    expect(fills.map((f) => f.filled)).toEqual([1, 4])
    expect(new Set(fills.map((f) => f.tradeId)).size).toBe(2)
    expect(fake.orders()[0]).toMatchObject({ ordId: placed.id, state: 'filled', accFillSz: 4 })
  })

  it('a cancel after a partial fill is pushed without fill fields (a tradeId appears on exactly one push)', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.loadMarkets()
    const raw: Record<string, unknown>[] = []
    const loop = (async () => {
      for (;;) {
        const orders = await ex.watchOrders(BTC_SWAP)
        const last = orders.at(-1)
        raw.push(last?.info as Record<string, unknown>)
        if (last?.status === 'canceled') return
      }
    })()
    await until(subscribed(fake, 'orders'), 5000, 'orders subscription')
    const placed = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 5, 59000)
    await until(() => raw.length >= 1)
    fake.printTrade('BTC-USDT-SWAP', 58990, 2, 'sell')
    await until(() => raw.length >= 2)
    await ex.cancelOrder(idOf(placed), BTC_SWAP)
    await loop
    expect(raw.map((r) => [r.state, r.fillSz, r.accFillSz, r.tradeId === '' ? '' : 'id'])).toEqual([
      ['live', '0', '0', ''],
      ['partially_filled', '2', '2', 'id'],
      ['canceled', '0', '2', ''],
    ])
  })

  it('watchMyTrades yields fills with trade ids from the orders channel', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.loadMarkets()
    const pending = ex.watchMyTrades(BTC_SWAP)
    await until(subscribed(fake, 'orders'), 5000, 'orders subscription')
    await ex.createOrder(BTC_SWAP, 'market', 'buy', 3)
    const trades = await pending
    expect(trades[0]).toMatchObject({ symbol: BTC_SWAP, side: 'buy', price: 60000.1, amount: 3, takerOrMaker: 'taker' })
    expect(trades[0]?.id).toMatch(/^\d+$/)
  })

  it('watchPositions and watchBalance push after a fill', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.loadMarkets()
    const initial = await ex.watchPositions()
    expect(initial).toEqual([])
    const pos = ex.watchPositions()
    await ex.createOrder(BTC_SWAP, 'market', 'sell', 5)
    const positions = await pos
    expect(positions[0]).toMatchObject({ symbol: BTC_SWAP, side: 'short', contracts: 5, entryPrice: 59999.9 })

    const first = await ex.watchBalance()
    const usdt = first.USDT?.total ?? 0
    const next = ex.watchBalance()
    await ex.createOrder(BTC_SWAP, 'market', 'buy', 5, undefined, { reduceOnly: true })
    const after = await next
    expect(after.USDT?.total).toBeLessThan(usdt) // paid the spread and two taker fees
  })

  it('login with a wrong secret is refused: AuthenticationError', async () => {
    const fake = await h.start()
    // sandbox: ccxt then skips the signed /asset/currencies call in loadMarkets, so only the WS login is signed.
    const ex = await h.client(fake, { sandbox: true, config: { secret: 'not-the-secret' } })
    await ex.loadMarkets()
    await expect(ex.watchOrders()).rejects.toThrow(ccxt.AuthenticationError)
  })

  it('private channels need a login; /private refuses public channels', async () => {
    const fake = await h.start()
    const ws = new (await import('ws')).default(`${fake.wsUrl}/private`)
    const frames: string[] = []
    ws.on('message', (d) => frames.push(d.toString()))
    await new Promise((r) => ws.once('open', r))
    ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'orders', instType: 'ANY' }] }))
    ws.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'books', instId: 'BTC-USDT' }] }))
    await until(() => frames.length >= 2)
    ws.close()
    expect(frames.map((f) => JSON.parse(f).code)).toEqual(['60011', '60018'])
  })
})
