import { afterEach, describe, expect, it } from 'vitest'
import type { OrderBook } from '../../../src/shared/domain/market'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'
import { realSleep, restingBuy, startOkxRig, SWAP, SWAP_ID, waitFor, type OkxRig } from './support/okx-venue'

// The adapter's reaction to each WebSocket fault the fake OKX can inject.
describe('ccxt okx adapter under WebSocket faults (fake OKX)', () => {
  let rig: OkxRig
  let events: MarketEvent[]
  afterEach(() => rig?.close())

  const books = (): OrderBook[] => events.flatMap((e) => (e.kind === 'book' ? [e.book] : []))
  const statuses = (): string[] => events.flatMap((e) => (e.kind === 'status' ? [e.status] : []))
  const subscribeBook = async (): Promise<void> => {
    events = []
    await rig.venue.marketData.subscribe({ kind: 'book', symbol: SWAP }, (e) => events.push(e))
    await waitFor(() => books().length > 0, 'the first book')
  }
  const bestBid = (): number | undefined => books().at(-1)?.bids[0]?.[0]

  it('dropped WebSockets: the streams reconnect and resume, public and private', async () => {
    rig = await startOkxRig()
    const orders: ExecutionEvent[] = []
    rig.venue.execution.onEvent((e) => orders.push(e))
    await subscribeBook()
    await rig.venue.execution.submit(restingBuy())
    rig.fake.faults.dropWebSockets()
    await waitFor(() => statuses().includes('reconnecting'), 'the reconnecting status')
    await waitFor(() => statuses().at(-1) === 'live', 'live again')
    rig.fake.setBook(SWAP_ID, [[59950, 7]], [[60050, 7]])
    await waitFor(() => bestBid() === 59950, 'a book from the new connection')
    // private stream: an order placed after the drop still produces its events
    const after = restingBuy()
    await rig.venue.execution.submit(after)
    await waitFor(() => orders.some((e) => e.type === 'accepted' && e.order.clientOrderId === after.clientOrderId), 'the accepted event after reconnect')
    expect(rig.venue.stats().marketData.reconnects).toBeGreaterThanOrEqual(1)
    expect(rig.venue.stats().privateReconnects).toBeGreaterThanOrEqual(1)
  })

  it('sequence gap: the book is resynced from a fresh snapshot, counted and logged', async () => {
    rig = await startOkxRig()
    await subscribeBook()
    rig.fake.faults.sequenceGap(SWAP_ID)
    rig.fake.setBook(SWAP_ID, [[59900, 1]], [[60100, 1]])
    await waitFor(() => rig.venue.stats().marketData.resyncs >= 1, 'a resync')
    await waitFor(() => bestBid() === 59900, 'the book after resync')
    const last = books().at(-1)!
    expect(last.bids).toEqual([[59900, 1]])
    expect(last.asks).toEqual([[60100, 1]])
    expect(rig.logs.records.some((r) => r.msg === 'order book resync' && String(r.fields?.['reason']).includes('gap'))).toBe(true)
    // ours and ccxt's detection of the same gap count once
    await realSleep(100)
    expect(rig.venue.stats().marketData.resyncs).toBe(1)
  })

  it.each(['json', 'shape'] as const)('malformed frame (%s): counted, resynced, no crash, the stream carries on', async (kind) => {
    rig = await startOkxRig()
    await subscribeBook()
    rig.fake.faults.malformedFrame(SWAP_ID, kind)
    rig.fake.setBook(SWAP_ID, [[59800, 2]], [[60200, 2]])
    await waitFor(() => rig.venue.stats().marketData.malformedFrames === 1, 'the malformed frame to be counted')
    await waitFor(() => bestBid() === 59800, 'the book after resync')
    rig.fake.setBook(SWAP_ID, [[59810, 2]], [[60200, 2]])
    await waitFor(() => bestBid() === 59810, 'later updates still flowing')
    for (const book of books()) expect(book.bids[0]![0]).toBeLessThan(book.asks[0]![0])
    expect(rig.venue.stats().marketData).toMatchObject({ malformedFrames: 1, resyncs: 1 })
  })

  it('stale: a stream that stops updating is marked stale within 5 s, and live again on the next update', async () => {
    rig = await startOkxRig()
    events = []
    await rig.venue.marketData.subscribe({ kind: 'ticker', symbol: SWAP }, (e) => events.push(e))
    await waitFor(() => events.some((e) => e.kind === 'ticker'), 'a ticker')
    const lastUpdate = Date.now()
    await waitFor(() => statuses().includes('stale'), 'the stale status', 6000)
    const after = Date.now() - lastUpdate
    expect(after).toBeLessThan(5000)
    expect(after).toBeGreaterThanOrEqual(4400)
    rig.fake.printTrade(SWAP_ID, 60005, 1, 'buy')
    await waitFor(() => statuses().at(-1) === 'live', 'live again')
  }, 15_000)

  it('unsubscribing the last listener stops the venue subscription; another stream is unaffected', async () => {
    rig = await startOkxRig()
    const trades: MarketEvent[] = []
    const tradeSub = await rig.venue.marketData.subscribe({ kind: 'trades', symbol: SWAP }, (e) => trades.push(e))
    await subscribeBook()
    await tradeSub.unsubscribe()
    await waitFor(() => !rig.fake.subscriptions().some((s) => s.arg.channel === 'trades'), 'the trades unsubscription at the venue')
    rig.fake.setBook(SWAP_ID, [[59970, 4]], [[60030, 4]])
    await waitFor(() => bestBid() === 59970, 'the book still updating')
    expect(rig.venue.stats().marketData.streams.map((s) => s.key)).toEqual([`book:${SWAP}`])
  })
})
