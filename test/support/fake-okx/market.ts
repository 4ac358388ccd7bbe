/**
 * Public market state per instrument: book, trades, candles, last, mark and
 * funding. Every change is announced on the event bus for the WS layer.
 */
import { OrderBook } from './book'
import { CandleStore } from './candles'
import type { FakeEvents, Ids, PublicTrade } from './events'
import { ctVal, defaultBook } from './instruments'
import { fix } from './num'
import type { FakeInstrument, Level, Side } from './types'

const EIGHT_HOURS = 8 * 3600_000
const TRADES_KEPT = 1000

export interface Market {
  readonly inst: FakeInstrument
  readonly book: OrderBook
  readonly candles: CandleStore
  /** Newest last. */
  readonly trades: PublicTrade[]
  last: number
  lastSz: number
  markPx: number
  funding: { rate: number; fundingTime: number; nextFundingTime: number }
}

export class MarketData {
  private readonly markets = new Map<string, Market>()

  constructor(
    instruments: FakeInstrument[],
    private readonly events: FakeEvents,
    private readonly ids: Ids,
    candleHistoryMinutes: number,
  ) {
    const now = Date.now()
    const nextFunding = Math.ceil((now + 1) / EIGHT_HOURS) * EIGHT_HOURS
    for (const inst of instruments) {
      const { bids, asks } = defaultBook(inst)
      const candles = new CandleStore(ctVal(inst))
      candles.seed(inst.instId, inst.price, candleHistoryMinutes, inst.tickSz, now)
      this.markets.set(inst.instId, {
        inst,
        book: new OrderBook(bids, asks),
        candles,
        trades: [],
        last: inst.price,
        lastSz: 0,
        markPx: inst.price,
        funding: { rate: 0.0001, fundingTime: nextFunding, nextFundingTime: nextFunding + EIGHT_HOURS },
      })
    }
  }

  get(instId: string): Market | undefined {
    return this.markets.get(instId)
  }

  /** Like get, for control calls from tests: an unknown id is a test bug. */
  must(instId: string): Market {
    const m = this.markets.get(instId)
    if (!m) throw new Error(`fake-okx: unknown instrument ${instId}`)
    return m
  }

  all(): Market[] {
    return [...this.markets.values()]
  }

  setBook(instId: string, bids: Level[], asks: Level[]): void {
    const m = this.must(instId)
    const delta = m.book.replace(bids, asks)
    if (delta) {
      this.events.emit('book', instId, delta)
      this.events.emit('ticker', instId)
    }
  }

  /** Records a public trade (last price, candle, trades channel); returns it with its tradeId. */
  recordTrade(instId: string, px: number, sz: number, side: Side, tradeId = this.ids.tradeId()): PublicTrade {
    const m = this.must(instId)
    const trade: PublicTrade = { instId, tradeId, px, sz, side, ts: Date.now() }
    m.trades.push(trade)
    if (m.trades.length > TRADES_KEPT) m.trades.splice(0, m.trades.length - TRADES_KEPT)
    m.last = px
    m.lastSz = sz
    m.candles.addTrade(trade.ts, px, sz)
    this.events.emit('trade', trade)
    this.events.emit('candle', instId)
    this.events.emit('ticker', instId)
    return trade
  }

  /**
   * Takes liquidity for one of our taker orders and prints the matching public
   * trades. Returns [price, size, tradeId] per level taken.
   */
  take(instId: string, side: Side, maxQty: number, limitPx: number | null, maxQuote = Infinity): { px: number; sz: number; tradeId: string }[] {
    const m = this.must(instId)
    const fills = m.book.quote(side, maxQty, limitPx, maxQuote, m.inst.lotSz)
    if (fills.length === 0) return []
    const delta = m.book.consume(side, fills)
    if (delta) this.events.emit('book', instId, delta)
    return fills.map(([px, sz]) => ({ px, sz, tradeId: this.recordTrade(instId, px, sz, side).tradeId }))
  }

  setMarkPrice(instId: string, price: number): void {
    this.must(instId).markPx = price
    this.events.emit('mark', instId)
  }

  setFundingRate(instId: string, rate: number, nextFundingTime: number): void {
    // OKX's `fundingTime` is the upcoming settlement and `nextFundingTime` the one after it.
    this.must(instId).funding = { rate, fundingTime: nextFundingTime, nextFundingTime: nextFundingTime + EIGHT_HOURS }
    this.events.emit('funding', instId)
  }

  /** 24h statistics from the 1m candles. */
  stats(instId: string): { open: number; high: number; low: number; vol: number; volBase: number; volQuote: number; sodUtc0: number } {
    const m = this.must(instId)
    const now = Date.now()
    const day = m.candles.since(now - 24 * 3600_000)
    const first = day[0]
    const dayStart = Math.floor(now / 86_400_000) * 86_400_000
    const sod = day.find((c) => c.ts >= dayStart) ?? first
    let high = m.last
    let low = m.last
    let vol = 0
    let volBase = 0
    let volQuote = 0
    for (const c of day) {
      high = Math.max(high, c.h)
      low = Math.min(low, c.l)
      vol += c.vol
      volBase += c.volBase
      volQuote += c.volQuote
    }
    return { open: first?.o ?? m.last, high, low, vol: fix(vol), volBase: fix(volBase), volQuote: fix(volQuote), sodUtc0: sod?.o ?? m.last }
  }
}
