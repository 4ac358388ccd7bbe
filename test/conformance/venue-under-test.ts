import type { BookLevel } from '../../src/shared/domain/market'
import type { ExecutionClient } from '../../src/main/ports/execution-client'
import type { MarketDataClient } from '../../src/main/ports/market-data-client'

/**
 * A venue adapter wired to a market the test controls: the simulated exchange
 * on a scripted feed, or the ccxt adapter on the fake OKX server.
 */
export interface VenueUnderTest {
  execution: ExecutionClient
  marketData: MarketDataClient
  /** A USDT-margined perpetual the venue lists, e.g. 'BTC/USDT:USDT'; sizes are in contracts of `stepSize` 1. */
  symbol: string
  /** Replaces the venue's book for `symbol`. */
  setBook(bids: BookLevel[], asks: BookLevel[]): Promise<void>
  /** Someone else's trade prints at `price`; resting orders it crosses fill as maker. */
  printTrade(price: number, amount: number, takerSide: 'buy' | 'sell'): Promise<void>
  /** Lets pending I/O and timers run so answers and events can arrive. */
  settle(): Promise<void>
  close(): Promise<void>
}

export type VenueFactory = () => Promise<VenueUnderTest>

/** The book every conformance test starts from (prices in USDT, sizes in contracts). */
export const START_BIDS: BookLevel[] = [
  [59990, 5],
  [59980, 10],
  [59970, 20],
]
export const START_ASKS: BookLevel[] = [
  [60010, 5],
  [60020, 10],
  [60030, 20],
]

/** Settles the venue until `predicate` holds; fails naming `what` after `ms` of real time. */
export async function eventually(venue: VenueUnderTest, predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await venue.settle()
  }
}

let counter = 0
/** A fresh, venue-valid client order id. */
export function nextClientOrderId(): string {
  counter++
  return `cnf${Date.now().toString(36)}${counter.toString(36)}`
}
