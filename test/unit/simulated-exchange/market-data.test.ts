import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'
import { createSimulatedExchange } from '../../../src/main/adapters/simulated-exchange/simulated-exchange'
import { relabel } from '../../../src/main/adapters/simulated-exchange/market-data-client'
import { createScriptedMarket } from '../../support/scripted-market'
import { ASKS, BIDS, BTC, createHarness } from './harness'

describe('simulated exchange market data', () => {
  it('passes the source streams through under its own venue id', async () => {
    const h = await createHarness()
    const events: MarketEvent[] = []
    await h.exchange.marketData.subscribe({ kind: 'book', symbol: BTC }, (e) => events.push(e))
    await h.exchange.marketData.subscribe({ kind: 'trades', symbol: BTC }, (e) => events.push(e))
    h.market.printTrade(BTC, 60010, 1, 'buy')
    expect(events.map((e) => e.kind)).toEqual(['book', 'trades'])
    expect(events[0]).toMatchObject({ book: { venue: 'paper', bids: BIDS, asks: ASKS } })
    expect(events[1]).toMatchObject({ trades: [{ venue: 'paper', price: 60010 }] })
    const instruments = await h.exchange.marketData.loadInstruments()
    expect(instruments.every((i) => i.venue === 'paper')).toBe(true)
  })

  it('hands events over untouched when it mirrors the source venue id', async () => {
    const clock = createTestClock(0)
    const source = createScriptedMarket({ venue: 'okx', clock })
    const book = source.setBook(BTC, BIDS, ASKS)
    const exchange = createSimulatedExchange({ venue: 'okx', clock, seed: 1, source })
    const seen: MarketEvent[] = []
    await exchange.marketData.subscribe({ kind: 'book', symbol: BTC }, (e) => seen.push(e))
    expect(seen[0]).toEqual({ kind: 'book', book })
    expect(seen[0]!.kind === 'book' && seen[0]!.book).toBe(book)
  })

  it('reports a source error as its own, keeping kind and message', async () => {
    const h = await createHarness()
    const error = await h.exchange.marketData.subscribe({ kind: 'ticker', symbol: 'BTC/USTD:USDT' }, () => {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'not_found', venue: 'paper' })
    expect(String(error)).toContain(BTC)
  })

  it('releases every subscription it made on the source when closed, leaving the source open', async () => {
    const h = await createHarness()
    await h.exchange.marketData.subscribe({ kind: 'ticker', symbol: BTC }, () => {})
    await h.submit({ price: 59000 })
    expect(h.market.subscriptionCount()).toBeGreaterThan(1)
    await h.exchange.close()
    expect(h.market.subscriptionCount()).toBe(0)
    await expect(h.market.loadInstruments()).resolves.not.toHaveLength(0)
  })

  it('trades on a source without mark or funding streams', async () => {
    const h = await createHarness({}, { unsupported: ['mark', 'funding', 'trades'] })
    const ack = await h.submit({ type: 'market', price: null, amount: 1 })
    expect(ack.status).toBe('filled')
    expect((await h.exchange.execution.positions())[0]).toMatchObject({ markPrice: 60000 })
  })

  it('relabels every kind of event that names a venue', () => {
    const status: MarketEvent = { kind: 'status', stream: { kind: 'book', symbol: BTC }, status: 'live' }
    expect(relabel('paper', status)).toBe(status)
    const mark = relabel('paper', { kind: 'mark', mark: { venue: 'okx', symbol: BTC, markPrice: 1, indexPrice: null, timestamp: 0 } })
    expect(mark).toMatchObject({ mark: { venue: 'paper' } })
  })
})
