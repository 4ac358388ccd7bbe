import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { VenueError } from '../../src/main/ports/venue-error'
import type { MarketEvent } from '../../src/main/ports/market-data-client'
import { eventually, START_ASKS, START_BIDS, type VenueFactory, type VenueUnderTest } from './venue-under-test'

/** What every MarketDataClient must do; runs unchanged on every venue adapter. */
export function defineMarketDataConformance(name: string, factory: VenueFactory): void {
  describe(`MarketDataClient conformance: ${name}`, () => {
    let venue: VenueUnderTest
    let events: MarketEvent[]

    beforeEach(async () => {
      venue = await factory()
      await venue.setBook(START_BIDS, START_ASKS)
      events = []
    })
    afterEach(() => venue.close())

    it('M1 lists the symbol with its trading rules', async () => {
      const instruments = await venue.marketData.loadInstruments()
      const instrument = instruments.find((i) => i.symbol === venue.symbol)
      expect(instrument).toMatchObject({ type: 'swap', quote: 'USDT', settle: 'USDT', active: true })
      expect(instrument!.tickSize).toBeGreaterThan(0)
      expect(instrument!.stepSize).toBeGreaterThan(0)
      expect(instrument!.contractSize).toBeGreaterThan(0)
    })

    it('M2 streams the book sorted and uncrossed, and follows changes', async () => {
      await venue.marketData.subscribe({ kind: 'book', symbol: venue.symbol }, (e) => events.push(e))
      const books = () => events.flatMap((e) => (e.kind === 'book' ? [e.book] : []))
      await eventually(venue, () => books().length > 0, 'a book')
      const first = books()[0]!
      expect(first.bids[0]![0]).toBeLessThan(first.asks[0]![0])
      expect(first.bids.map((l) => l[0])).toEqual([...first.bids.map((l) => l[0])].sort((a, b) => b - a))
      expect(first.asks.map((l) => l[0])).toEqual([...first.asks.map((l) => l[0])].sort((a, b) => a - b))
      await venue.setBook([[59995, 3], ...START_BIDS], START_ASKS)
      await eventually(venue, () => books().some((b) => b.bids[0]![0] === 59995 && b.bids[0]![1] === 3), 'the new best bid')
    })

    it('M3 streams trades that print', async () => {
      await venue.marketData.subscribe({ kind: 'trades', symbol: venue.symbol }, (e) => events.push(e))
      await venue.settle()
      await venue.printTrade(60010, 2, 'buy')
      const trades = () => events.flatMap((e) => (e.kind === 'trades' ? e.trades : []))
      await eventually(venue, () => trades().some((t) => t.price === 60010 && t.side === 'buy'), 'the printed trade')
      expect(trades().every((t) => t.symbol === venue.symbol && t.id.length > 0)).toBe(true)
    })

    it('M4 streams a ticker with the touch', async () => {
      await venue.marketData.subscribe({ kind: 'ticker', symbol: venue.symbol }, (e) => events.push(e))
      await eventually(venue, () => events.some((e) => e.kind === 'ticker' && e.ticker.bid !== null && e.ticker.ask !== null), 'a ticker')
      const ticker = events.flatMap((e) => (e.kind === 'ticker' ? [e.ticker] : [])).at(-1)!
      expect(ticker.bid!).toBeLessThan(ticker.ask!)
    })

    it('M5 an unknown symbol is refused with a message naming the closest match', async () => {
      const typo = venue.symbol.replace('USDT', 'USTD')
      const error = await venue.marketData.subscribe({ kind: 'ticker', symbol: typo }, () => {}).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(VenueError)
      expect((error as VenueError).kind).toBe('not_found')
      expect((error as Error).message).toContain(venue.symbol)
    })

    it('M6 fetches candles oldest first with consistent prices', async () => {
      const candles = await venue.marketData.fetchCandles(venue.symbol, '1m', null, 50)
      expect(candles.length).toBeGreaterThan(0)
      for (let i = 1; i < candles.length; i++) expect(candles[i]!.timestamp).toBeGreaterThan(candles[i - 1]!.timestamp)
      for (const c of candles) {
        expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close))
        expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close))
      }
    })

    it('M7 stops delivering after unsubscribe', async () => {
      const subscription = await venue.marketData.subscribe({ kind: 'trades', symbol: venue.symbol }, (e) => events.push(e))
      await subscription.unsubscribe()
      const before = events.filter((e) => e.kind === 'trades').length
      await venue.printTrade(60010, 1, 'buy')
      for (let i = 0; i < 5; i++) await venue.settle()
      expect(events.filter((e) => e.kind === 'trades').length).toBe(before)
    })
  })
}
