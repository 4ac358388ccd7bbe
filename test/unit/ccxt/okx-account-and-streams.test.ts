import { afterEach, describe, expect, it } from 'vitest'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'
import { VenueError } from '../../../src/main/ports/venue-error'
import { clientId, restingBuy, startOkxRig, SWAP, SWAP_ID, waitFor, type OkxRig } from './support/okx-venue'

describe('ccxt okx adapter: more streams and the account (fake OKX)', () => {
  let rig: OkxRig
  afterEach(() => rig?.close())

  it('streams mark price, funding rate and candles', async () => {
    rig = await startOkxRig()
    const events: MarketEvent[] = []
    await rig.venue.marketData.subscribe({ kind: 'mark', symbol: SWAP }, (e) => events.push(e))
    await rig.venue.marketData.subscribe({ kind: 'funding', symbol: SWAP }, (e) => events.push(e))
    await rig.venue.marketData.subscribe({ kind: 'candles', symbol: SWAP, timeframe: '1m' }, (e) => events.push(e))
    rig.fake.setMarkPrice(SWAP_ID, 60123.4)
    const next = Date.now() + 3_600_000
    rig.fake.setFundingRate(SWAP_ID, 0.0001, next)
    await waitFor(() => events.some((e) => e.kind === 'mark' && e.mark.markPrice === 60123.4), 'the new mark price')
    await waitFor(() => events.some((e) => e.kind === 'funding' && e.funding.rate === 0.0001), 'the new funding rate')
    await waitFor(() => events.some((e) => e.kind === 'candle'), 'a candle')
    const candle = events.flatMap((e) => (e.kind === 'candle' ? [e.candle] : [])).at(-1)!
    expect(candle.high).toBeGreaterThanOrEqual(Math.max(candle.open, candle.close))
  })

  it('refuses funding on spot and an unknown symbol by name', async () => {
    rig = await startOkxRig()
    await expect(rig.venue.marketData.subscribe({ kind: 'funding', symbol: 'BTC/USDT' }, () => {})).rejects.toMatchObject({ kind: 'unsupported' })
    const unknown = await rig.venue.execution.submit({ ...restingBuy(), symbol: 'BTC/USTD:USDT' }).catch((e: unknown) => e as VenueError)
    expect(unknown).toBeInstanceOf(VenueError)
    expect(unknown).toMatchObject({ kind: 'rejected', reason: 'unknown_symbol' })
    expect((unknown as VenueError).message).toContain(SWAP)
  })

  it('sets leverage (cross), and reports positions and fills across market types', async () => {
    rig = await startOkxRig()
    await rig.venue.execution.setLeverage(SWAP, 5)
    expect(rig.fake.leverage(SWAP_ID)).toBe(5)
    await expect(rig.venue.execution.setLeverage(SWAP, 500)).rejects.toMatchObject({ kind: 'rejected' })
    const started = Date.now() - 1000
    const events: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => events.push(e))
    await rig.venue.execution.submit({ ...restingBuy(), type: 'market', price: null, amount: 2 })
    await rig.venue.execution.submit({ clientOrderId: clientId(), symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 0.001, price: null, timeInForce: 'GTC', postOnly: false, reduceOnly: false })
    await waitFor(() => events.filter((e) => e.type === 'filled').length === 2, 'both orders filled')
    const position = (await rig.venue.execution.positions()).find((p) => p.symbol === SWAP)
    expect(position).toMatchObject({ side: 'long', contracts: 2, leverage: 5 })
    expect(position!.margin).toBeGreaterThan(0)
    const fills = await rig.venue.execution.fillsSince(started)
    expect(new Set(fills.map((f) => f.symbol))).toEqual(new Set([SWAP, 'BTC/USDT']))
    expect(fills.every((f) => f.fee > 0 && f.clientOrderId !== null)).toBe(true)
  })

  it('reconciles after a gap in the private stream: a fill that happened while disconnected is still announced once', async () => {
    rig = await startOkxRig()
    const events: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => events.push(e))
    const order = restingBuy()
    await rig.venue.execution.submit({ ...order, price: 59995 })
    await waitFor(() => events.some((e) => e.type === 'accepted'), 'the accepted event')
    rig.fake.faults.dropWebSockets()
    rig.fake.printTrade(SWAP_ID, 59990, 5, 'sell')
    await waitFor(() => events.some((e) => e.type === 'filled'), 'the filled event after reconciliation')
    const fills = events.flatMap((e) => ('fill' in e ? [e.fill] : []))
    expect(fills).toHaveLength(1)
    expect(fills[0]).toMatchObject({ amount: 1, price: 59995, liquidity: 'maker' })
    expect(rig.venue.stats().privateReconnects).toBeGreaterThanOrEqual(1)
    // it came from asking the venue: the order by client id, then our trades
    const paths = rig.fake.requests().map((r) => `${r.method} ${r.path}`)
    expect(paths).toContain('GET /api/v5/trade/order')
    expect(paths).toContain('GET /api/v5/trade/fills-history')
  })

  it('without credentials: market data works, execution says auth', async () => {
    rig = await startOkxRig({ credentials: undefined })
    expect((await rig.venue.marketData.loadInstruments()).length).toBe(4)
    await expect(rig.venue.execution.balances()).rejects.toMatchObject({ kind: 'auth' })
  })
})
