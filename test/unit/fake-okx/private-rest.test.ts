import ccxt from 'ccxt'
import { describe, expect, it } from 'vitest'
import { BTC_SPOT, BTC_SWAP, ETH_SWAP, idOf, useFakeOkx } from './harness'

describe('fake OKX private REST through ccxt.okx', () => {
  const h = useFakeOkx()

  it('createOrder (limit) with clientOrderId, then fetchOrder by clientOrderId and by id', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const placed = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 2, 59000, { clientOrderId: 'wsA1b2c3' })
    // ccxt's answer to a placement is OKX's ack: ids only, no status.
    expect(placed).toMatchObject({ clientOrderId: 'wsA1b2c3', symbol: BTC_SWAP })
    expect(placed.id).toMatch(/^\d+$/)
    // ccxt sends it as clOrdId in a one-element POST /trade/batch-orders.
    expect(fake.requests().filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v5/trade/batch-orders'])

    const byClient = await ex.fetchOrder('', BTC_SWAP, { clientOrderId: 'wsA1b2c3' })
    expect(byClient).toMatchObject({ id: placed.id, clientOrderId: 'wsA1b2c3', status: 'open', type: 'limit', side: 'buy', price: 59000, amount: 2, filled: 0, remaining: 2, reduceOnly: false })
    expect((await ex.fetchOrder(idOf(placed), BTC_SWAP)).clientOrderId).toBe('wsA1b2c3')
    expect(fake.orders()).toEqual([expect.objectContaining({ ordId: placed.id, clOrdId: 'wsA1b2c3', state: 'live', px: 59000, sz: 2 })])
  })

  it('without a clientOrderId ccxt makes one up (broker id prefix)', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const placed = await ex.createOrder(BTC_SWAP, 'limit', 'sell', 1, 61000)
    expect(placed.clientOrderId).toMatch(/^6b9ad766b55dBCDE[0-9a-zA-Z]{16}$/)
    expect(fake.orders()[0]?.tag).toBe('6b9ad766b55dBCDE')
  })

  it('fetchOpenOrders, cancelOrder, and cancelling again is OrderNotFound', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const a = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 59000)
    const b = await ex.createOrder(ETH_SWAP, 'limit', 'sell', 3, 3100)
    expect((await ex.fetchOpenOrders()).map((o) => o.id).sort()).toEqual([a.id, b.id].sort())
    expect((await ex.fetchOpenOrders(ETH_SWAP)).map((o) => o.id)).toEqual([b.id])

    const canceled = await ex.cancelOrder(idOf(a), BTC_SWAP)
    expect(canceled.id).toBe(a.id)
    expect((await ex.fetchOrder(idOf(a), BTC_SWAP)).status).toBe('canceled')
    expect((await ex.fetchOpenOrders()).map((o) => o.id)).toEqual([b.id])
    await expect(ex.cancelOrder(idOf(a), BTC_SWAP)).rejects.toThrow(ccxt.OrderNotFound) // 51401
    await expect(ex.cancelOrder('999', BTC_SWAP)).rejects.toThrow(ccxt.OrderNotFound) // 51400
    await expect(ex.cancelOrder('', ETH_SWAP, { clientOrderId: b.clientOrderId })).resolves.toMatchObject({ id: b.id })
    // ccxt asks /trade/orders-history with state=canceled here, state=filled for fetchClosedOrders.
    expect((await ex.fetchCanceledOrders(ETH_SWAP)).map((o) => [o.id, o.status])).toEqual([[b.id, 'canceled']])
    expect(await ex.fetchClosedOrders(ETH_SWAP)).toEqual([])
  })

  it('editOrder amends size and price; an amended price that crosses fills as taker', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const o = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 2, 59000, { clientOrderId: 'amend1' })
    const edited = await ex.editOrder(idOf(o), BTC_SWAP, 'limit', 'buy', 3, 59100)
    expect(edited.id).toBe(o.id)
    expect(await ex.fetchOrder(idOf(o), BTC_SWAP)).toMatchObject({ amount: 3, price: 59100, status: 'open' })
    expect(fake.requests().some((r) => r.path === '/api/v5/trade/amend-order')).toBe(true)

    await ex.editOrder(idOf(o), BTC_SWAP, 'limit', 'buy', undefined, 60000.1)
    expect(await ex.fetchOrder(idOf(o), BTC_SWAP)).toMatchObject({ status: 'closed', filled: 3, average: 60000.1 })
    await expect(ex.editOrder(idOf(o), BTC_SWAP, 'limit', 'buy', 4)).rejects.toThrow(/51510/)
    expect((await ex.fetchClosedOrders(BTC_SWAP)).map((c) => [c.id, c.status])).toEqual([[o.id, 'closed']])
  })

  it('market order walks the book; fills, position and balance are consistent', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const o = await ex.createOrder(BTC_SWAP, 'market', 'buy', 60, undefined, { clientOrderId: 'mkt1' })
    const order = await ex.fetchOrder(idOf(o), BTC_SWAP)
    expect(order).toMatchObject({ status: 'closed', filled: 60, type: 'market' })
    expect(order.average).toBeCloseTo((50 * 60000.1 + 10 * 60001) / 60, 6)
    expect(order.fee?.currency).toBe('USDT')

    const trades = await ex.fetchMyTrades(BTC_SWAP)
    expect(trades.map((t) => [t.price, t.amount, t.takerOrMaker, t.order])).toEqual([
      [60000.1, 50, 'taker', o.id],
      [60001, 10, 'taker', o.id],
    ])
    expect(new Set(trades.map((t) => t.id)).size).toBe(2)
    const fees = trades.reduce((s, t) => s + (t.fee?.cost ?? 0), 0)
    expect(fees).toBeCloseTo((50 * 60000.1 + 10 * 60001) * 0.01 * 0.0005, 6)

    const [pos] = await ex.fetchPositions([BTC_SWAP])
    expect(pos).toMatchObject({ symbol: BTC_SWAP, side: 'long', contracts: 60, contractSize: 0.01, marginMode: 'cross', leverage: 10, hedged: false })
    expect(pos?.entryPrice).toBeCloseTo(60000.25, 6)

    const bal = await ex.fetchBalance()
    expect(bal.USDT?.total).toBeCloseTo(100_000 - fees + (60000 - 60000.25) * 60 * 0.01, 6) // mark 60000: small unrealized loss
    expect(bal.USDT?.used).toBeCloseTo((60 * 0.01 * 60000) / 10, 6) // initial margin at 10x
    expect(bal.BTC?.total).toBe(1)
  })

  it('closing a position realizes PnL; reduce-only that would open is refused', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await expect(ex.createOrder(BTC_SWAP, 'market', 'sell', 1, undefined, { reduceOnly: true })).rejects.toThrow(/51169/)
    await ex.createOrder(BTC_SWAP, 'market', 'buy', 10)
    fake.setBook('BTC-USDT-SWAP', [[61000, 100]], [[61000.1, 100]])
    await expect(ex.createOrder(BTC_SWAP, 'market', 'sell', 11, undefined, { reduceOnly: true })).rejects.toThrow(/51112/)
    const close = await ex.createOrder(BTC_SWAP, 'market', 'sell', 10, undefined, { reduceOnly: true })
    const order = await ex.fetchOrder(idOf(close), BTC_SWAP)
    expect(order.reduceOnly).toBe(true)
    expect(Number(order.info.pnl)).toBeCloseTo((61000 - 60000.1) * 10 * 0.01, 6)
    expect(await ex.fetchPositions()).toEqual([])
    expect(fake.positions()[0]).toMatchObject({ pos: 0, realizedPnl: expect.closeTo(99.99, 6) })
  })

  it('post_only that would cross is canceled (cancelSource 31); IOC and FOK semantics', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const po = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 1, 60000.1, { postOnly: true })
    expect(await ex.fetchOrder(idOf(po), BTC_SWAP)).toMatchObject({ status: 'canceled', postOnly: true, filled: 0, info: { cancelSource: '31' } })

    // IOC: takes the 50 contracts at 60000.1 and 60001 x 100 up to 60001; the rest is canceled.
    const ioc = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 200, 60001, { timeInForce: 'IOC' })
    expect(await ex.fetchOrder(idOf(ioc), BTC_SWAP)).toMatchObject({ status: 'canceled', timeInForce: 'IOC', filled: 150, info: { cancelSource: '14' } })

    // FOK: not enough depth at <= 60002 for 500 contracts: nothing fills.
    const fok = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 500, 60002, { timeInForce: 'FOK' })
    expect(await ex.fetchOrder(idOf(fok), BTC_SWAP)).toMatchObject({ status: 'canceled', timeInForce: 'FOK', filled: 0, info: { cancelSource: '13' } })
    const fok2 = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 200, 60002, { timeInForce: 'FOK' })
    expect(await ex.fetchOrder(idOf(fok2), BTC_SWAP)).toMatchObject({ status: 'closed', filled: 200 })
  })

  it('a crossing limit fills as taker and rests the rest; printTrade fills resting orders as maker', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    const cross = await ex.createOrder(BTC_SWAP, 'limit', 'buy', 80, 60000.5)
    expect(await ex.fetchOrder(idOf(cross), BTC_SWAP)).toMatchObject({ status: 'open', filled: 50, remaining: 30 })

    const rest = await ex.createOrder(BTC_SWAP, 'limit', 'sell', 5, 60500, { clientOrderId: 'maker1' })
    fake.printTrade('BTC-USDT-SWAP', 60499.9, 100, 'buy') // below our ask: nothing
    expect((await ex.fetchOrder(idOf(rest), BTC_SWAP)).filled).toBe(0)
    fake.printTrade('BTC-USDT-SWAP', 60600, 3, 'buy') // reaches it: 3 of 5 fill at our price
    expect(await ex.fetchOrder(idOf(rest), BTC_SWAP)).toMatchObject({ status: 'open', filled: 3, average: 60500 })
    fake.printTrade('BTC-USDT-SWAP', 60500, 10, 'buy')
    expect(await ex.fetchOrder(idOf(rest), BTC_SWAP)).toMatchObject({ status: 'closed', filled: 5 })
    const makerFills = (await ex.fetchMyTrades(BTC_SWAP)).filter((t) => t.order === rest.id)
    expect(makerFills.map((t) => [t.amount, t.takerOrMaker])).toEqual([
      [3, 'maker'],
      [2, 'maker'],
    ])
    expect(makerFills[0]?.fee?.cost).toBeCloseTo(3 * 0.01 * 60500 * 0.0002, 8)
  })

  it('spot: market buy and limit sell move both balances; fees come out of the currency received', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.createOrder(BTC_SPOT, 'market', 'buy', 0.1)
    let bal = await ex.fetchBalance()
    expect(bal.BTC?.total).toBeCloseTo(1 + 0.1 * (1 - 0.0005), 10)
    expect(bal.USDT?.total).toBeCloseTo(100_000 - 0.1 * 60000.1, 6)

    await ex.createOrder(BTC_SPOT, 'limit', 'sell', 0.5, 61000)
    bal = await ex.fetchBalance()
    expect(bal.BTC?.used).toBeCloseTo(0.5, 10)
    fake.printTrade('BTC-USDT', 61000, 1, 'buy')
    bal = await ex.fetchBalance()
    expect(bal.BTC?.used).toBeCloseTo(0, 10)
    expect(bal.USDT?.total).toBeCloseTo(100_000 - 0.1 * 60000.1 + 0.5 * 61000 * (1 - 0.0002), 6)
    expect(await ex.fetchPositions()).toEqual([]) // spot holds no positions

    // Market buy sized in quote (tgtCcy=quote_ccy): spend 600 USDT at the best ask.
    const byCost = await ex.createMarketBuyOrderWithCost(BTC_SPOT, 600)
    expect(await ex.fetchOrder(idOf(byCost), BTC_SPOT)).toMatchObject({ status: 'closed', filled: expect.closeTo(600 / 60000.1, 8), cost: 600 })
  })

  it('refuses what OKX refuses: too small, no funds, unknown order', async () => {
    const fake = await h.start({ balances: { USDT: 100 } })
    const ex = await h.client(fake)
    await expect(ex.createOrder(BTC_SPOT, 'limit', 'buy', 0.000001, 50000)).rejects.toThrow(ccxt.InvalidOrder) // 51020
    await expect(ex.createOrder(BTC_SPOT, 'limit', 'buy', 0.01, 50000)).rejects.toThrow(ccxt.InsufficientFunds) // 51008
    await expect(ex.createOrder(BTC_SWAP, 'market', 'buy', 100)).rejects.toThrow(ccxt.InsufficientFunds)
    await expect(ex.fetchOrder('720999', BTC_SWAP)).rejects.toThrow(ccxt.OrderNotFound) // 51603
    await expect(ex.fetchOrder('', BTC_SWAP, { clientOrderId: 'nope' })).rejects.toThrow(ccxt.OrderNotFound)
    expect(fake.orders()).toEqual([])
  })

  it('setLeverage and cancelAllOrdersAfter (dead-man switch) are recorded', async () => {
    const fake = await h.start()
    const ex = await h.client(fake)
    await ex.setLeverage(25, BTC_SWAP)
    expect(fake.leverage('BTC-USDT-SWAP')).toBe(25)
    await expect(ex.setLeverage(101, BTC_SWAP)).rejects.toThrow(ccxt.BadRequest)

    const before = Date.now()
    const res = (await ex.cancelAllOrdersAfter(60_000)) as { data: { triggerTime: string }[] }
    const state = fake.cancelAllAfter()
    expect(state?.timeOut).toBe(60)
    expect(Number(res.data[0]?.triggerTime)).toBe(state?.triggerTime)
    expect(state?.triggerTime).toBeGreaterThanOrEqual(before + 60_000)
    await ex.cancelAllOrdersAfter(0)
    expect(fake.cancelAllAfter()).toBeNull()
    await expect(ex.cancelAllOrdersAfter(5_000)).rejects.toThrow(ccxt.BadRequest) // OKX accepts 0 or 10..120 s
  })
})
