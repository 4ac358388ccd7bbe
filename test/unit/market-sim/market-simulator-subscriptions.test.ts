import { describe, expect, it, vi } from 'vitest'
import { InstrumentSchema } from '../../../src/shared/domain/market'
import { VenueCapabilitiesSchema } from '../../../src/shared/domain/venue'
import { VenueError } from '../../../src/main/ports/venue-error'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMarketSimulator } from '../../../src/main/adapters/market-simulator'
import type { MarketEvent } from '../../../src/main/ports/market-data-client'
import { BTC, ETH, makeSim } from './sim-helpers'

describe('market simulator subscriptions', () => {
  it('lists valid instruments and capabilities', async () => {
    const { sim } = makeSim(1)
    const instruments = (await sim.loadInstruments()).map((i) => InstrumentSchema.parse(i))
    expect(instruments.map((i) => [i.symbol, i.contractSize, i.tickSize])).toEqual([
      [BTC, 0.01, 0.1],
      [ETH, 0.1, 0.01],
    ])
    expect(VenueCapabilitiesSchema.parse(sim.capabilities).websocket).toEqual({ ticker: true, book: true, trades: true, candles: true, orders: true })
    expect(sim.venue).toBe('sim')
  })

  it('rejects unknown symbols with not_found naming the closest matches', async () => {
    const { sim } = makeSim(1)
    const error = await sim.subscribe({ kind: 'ticker', symbol: 'ETHUSDT' }, () => {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VenueError)
    expect(error).toMatchObject({ kind: 'not_found', venue: 'sim' })
    expect((error as Error).message).toMatch(/"ETHUSDT".*closest matches: ETH\/USDT:USDT, BTC\/USDT:USDT/)
    await expect(sim.fetchCandles('BTC/USD', '1h', null, 10)).rejects.toThrow(/closest matches: BTC\/USDT:USDT/)
    await expect(sim.fetchTrades('DOGE/USDT:USDT', null, 10)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(sim.fetchCandles(BTC, '2h' as never, null, 10)).rejects.toMatchObject({ kind: 'unsupported' })
  })

  it('counts references: shared streams keep running until the last listener leaves, then no timer runs', async () => {
    const { sim, clock } = makeSim(1)
    expect(clock.pending()).toBe(0)
    const a: MarketEvent[] = []
    const b: MarketEvent[] = []
    const subA = await sim.subscribe({ kind: 'ticker', symbol: BTC }, (e) => a.push(e))
    const subB = await sim.subscribe({ kind: 'ticker', symbol: BTC }, (e) => b.push(e))
    expect(a[0]).toMatchObject({ kind: 'status', status: 'live' })
    clock.advance(1_000)
    expect(a.filter((e) => e.kind === 'ticker')).toHaveLength(4)
    await subA.unsubscribe()
    await subA.unsubscribe()
    clock.advance(1_000)
    expect(a.filter((e) => e.kind === 'ticker')).toHaveLength(4)
    expect(b.filter((e) => e.kind === 'ticker')).toHaveLength(8)
    expect(sim.subscriptionCount).toBe(1)
    await subB.unsubscribe()
    expect(sim.subscriptionCount).toBe(0)
    expect(clock.pending()).toBe(0)
    clock.advance(10_000)
    expect(b.filter((e) => e.kind === 'ticker')).toHaveLength(8)
  })

  it('close() tells listeners, stops every timer and refuses new work', async () => {
    const { sim, clock } = makeSim(1)
    const events: MarketEvent[] = []
    await sim.subscribe({ kind: 'book', symbol: ETH }, (e) => events.push(e))
    await sim.subscribe({ kind: 'trades', symbol: BTC }, (e) => events.push(e))
    clock.advance(500)
    await sim.close()
    expect(events.filter((e) => e.kind === 'status' && e.status === 'closed')).toHaveLength(2)
    expect(clock.pending()).toBe(0)
    const count = events.length
    clock.advance(5_000)
    expect(events).toHaveLength(count)
    await expect(sim.subscribe({ kind: 'ticker', symbol: BTC }, () => {})).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('keeps ticking for others when a listener throws, and reports the error', async () => {
    const clock = createTestClock(0)
    const onListenerError = vi.fn()
    const sim = createMarketSimulator({ clock, seed: 1, onListenerError })
    let good = 0
    await sim.subscribe({ kind: 'ticker', symbol: BTC }, (e) => {
      if (e.kind === 'ticker') throw new Error('listener bug')
    })
    await sim.subscribe({ kind: 'ticker', symbol: BTC }, (e) => e.kind === 'ticker' && good++)
    clock.advance(1_000)
    expect(good).toBe(4)
    expect(onListenerError).toHaveBeenCalledTimes(4)
    await sim.close()
  })

  it('ticks only when pumped when autoTick is off', async () => {
    const clock = createTestClock(0)
    const sim = createMarketSimulator({ clock, seed: 1, autoTick: false, tickMs: 100 })
    let tickers = 0
    await sim.subscribe({ kind: 'ticker', symbol: ETH }, (e) => e.kind === 'ticker' && tickers++)
    expect(clock.pending()).toBe(0)
    clock.advance(1_000)
    expect(tickers).toBe(0)
    expect(sim.pump()).toBe(10)
    expect(tickers).toBe(10)
    expect(() => createMarketSimulator({ clock, seed: 1, tickMs: 0 })).toThrow(/tickMs/)
  })
})
