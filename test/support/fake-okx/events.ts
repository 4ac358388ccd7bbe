/**
 * The in-process bus between the model (market data, matching) and the
 * transports. The WS layer listens here; REST reads state directly.
 */
import { EventEmitter } from 'node:events'
import type { BookDelta } from './book'
import type { FakeFill, FakeOrder } from './types'

export interface PublicTrade {
  instId: string
  tradeId: string
  px: number
  sz: number
  /** Taker side, as OKX reports it. */
  side: 'buy' | 'sell'
  ts: number
}

export interface FakeEventMap {
  book: [instId: string, delta: BookDelta]
  trade: [trade: PublicTrade]
  ticker: [instId: string]
  mark: [instId: string]
  funding: [instId: string]
  candle: [instId: string]
  /** An order changed state; `fill` is set when the change is a fill. */
  order: [order: FakeOrder, fill: FakeFill | null]
  position: [instId: string]
  balance: []
}

export type FakeEvents = EventEmitter<FakeEventMap>

export function createEvents(): FakeEvents {
  const events = new EventEmitter<FakeEventMap>()
  events.setMaxListeners(0)
  return events
}

/** Monotonic ids shaped like OKX's (long digit strings). */
export class Ids {
  private n = 0
  next(prefix: string): string {
    this.n += 1
    return `${prefix}${String(this.n).padStart(12, '0')}`
  }
  ordId(): string {
    return this.next('720')
  }
  tradeId(): string {
    return this.next('41')
  }
  billId(): string {
    return this.next('83')
  }
}
