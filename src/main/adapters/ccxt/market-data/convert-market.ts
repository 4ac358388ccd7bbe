import type { FundingRate as CcxtFundingRate, OHLCV, OrderBook as CcxtOrderBook, Ticker as CcxtTicker, Trade as CcxtTrade } from 'ccxt'
import type { BookLevel, Candle, FundingRate, MarkPrice, OrderBook, Ticker, Trade } from '../../../../shared/domain/market'

/**
 * ccxt's unified market structures into ours. ccxt fills absent values with
 * undefined; ours say null. Records that cannot be trusted (no price, no id)
 * are dropped rather than passed on half-empty.
 */

const num = (value: number | undefined | null): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

export function toTicker(venue: string, symbol: string, t: CcxtTicker, now: number): Ticker {
  return {
    venue,
    symbol,
    bid: num(t.bid),
    ask: num(t.ask),
    bidSize: num(t.bidVolume),
    askSize: num(t.askVolume),
    last: num(t.last),
    baseVolume: num(t.baseVolume),
    timestamp: Math.trunc(num(t.timestamp) ?? now),
  }
}

export function toTrade(venue: string, symbol: string, t: CcxtTrade): Trade | null {
  const price = num(t.price)
  const amount = num(t.amount)
  const timestamp = num(t.timestamp)
  if (!t.id || price === null || price <= 0 || amount === null || amount <= 0 || timestamp === null) return null
  if (t.side !== 'buy' && t.side !== 'sell') return null
  return { venue, symbol, id: t.id, price, amount, side: t.side, timestamp: Math.trunc(timestamp) }
}

export function toCandle(row: OHLCV): Candle | null {
  const [timestamp, open, high, low, close, volume] = row.map((v) => num(v as number | undefined))
  if (timestamp == null || open == null || high == null || low == null || close == null) return null
  return { timestamp: Math.trunc(timestamp), open, high, low, close, volume: Math.max(0, volume ?? 0) }
}

/** Candles oldest first, one per timestamp (the later row wins), malformed rows dropped. */
export function toCandles(rows: readonly OHLCV[]): Candle[] {
  const byTime = new Map<number, Candle>()
  for (const row of rows) {
    const candle = toCandle(row)
    if (candle) byTime.set(candle.timestamp, candle)
  }
  return [...byTime.values()].sort((a, b) => a.timestamp - b.timestamp)
}

export function toFunding(venue: string, symbol: string, f: CcxtFundingRate, now: number): FundingRate | null {
  const rate = num(f.fundingRate)
  if (rate === null) return null
  // ccxt's fundingTimestamp is the next settlement; nextFundingTimestamp the one after it on some venues.
  const next = num(f.fundingTimestamp) ?? num(f.nextFundingTimestamp)
  return { venue, symbol, rate, nextFundingTime: next === null ? null : Math.trunc(next), timestamp: Math.trunc(num(f.timestamp) ?? now) }
}

export function toMark(venue: string, symbol: string, t: CcxtTicker, now: number): MarkPrice | null {
  const mark = num(t.markPrice)
  if (mark === null || mark <= 0) return null
  const index = num(t.indexPrice)
  return { venue, symbol, markPrice: mark, indexPrice: index !== null && index > 0 ? index : null, timestamp: Math.trunc(num(t.timestamp) ?? now) }
}

/** ccxt's book, checked: levels must be finite, sorted the right way, and not crossed. */
export function toOrderBook(venue: string, symbol: string, book: CcxtOrderBook, depth: number, now: number): OrderBook | string {
  const bids = levels(book.bids, depth)
  const asks = levels(book.asks, depth)
  if (typeof bids === 'string') return `bids ${bids}`
  if (typeof asks === 'string') return `asks ${asks}`
  for (let i = 1; i < bids.length; i++) if (!(bids[i]![0] < bids[i - 1]![0])) return 'bids out of order'
  for (let i = 1; i < asks.length; i++) if (!(asks[i]![0] > asks[i - 1]![0])) return 'asks out of order'
  if (bids[0] && asks[0] && bids[0][0] >= asks[0][0]) return `crossed: bid ${bids[0][0]} >= ask ${asks[0][0]}`
  const sequence = num(book.nonce)
  return { venue, symbol, bids, asks, sequence: sequence === null ? null : Math.trunc(sequence), timestamp: Math.trunc(num(book.timestamp) ?? now) }
}

function levels(side: readonly (readonly [number | undefined, number | undefined])[], depth: number): BookLevel[] | string {
  const out: BookLevel[] = []
  for (const level of side) {
    if (out.length >= depth) break
    const price = num(level[0])
    const size = num(level[1])
    if (price === null || price <= 0 || size === null || size < 0) return `level ${out.length} is not a price and a size`
    out.push([price, size])
  }
  return out
}
