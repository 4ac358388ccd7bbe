/**
 * OKX JSON for public data: tickers, books, trades, candles, funding, mark.
 * All numbers are strings; candles are string arrays, newest first.
 */
import type { BarSpec, Candle } from './candles'
import type { PublicTrade } from './events'
import type { Market, MarketData } from './market'
import { str } from './num'
import type { Level } from './types'

/** Book level as OKX sends it: [price, size, deprecated liquidated-orders '0', order count]. */
export function levelWire([px, sz]: Level): string[] {
  return [str(px), str(sz), '0', sz > 0 ? '1' : '0']
}

export function tickerWire(markets: MarketData, m: Market): Record<string, string> {
  const s = markets.stats(m.inst.instId)
  const bid = m.book.best('bids')
  const ask = m.book.best('asks')
  const spot = m.inst.instType === 'SPOT'
  return {
    instType: m.inst.instType,
    instId: m.inst.instId,
    last: str(m.last),
    lastSz: str(m.lastSz),
    askPx: ask ? str(ask[0]) : '',
    askSz: ask ? str(ask[1]) : '',
    bidPx: bid ? str(bid[0]) : '',
    bidSz: bid ? str(bid[1]) : '',
    open24h: str(s.open),
    high24h: str(s.high),
    low24h: str(s.low),
    // OKX: spot vol24h is base and volCcy24h quote; swap vol24h is contracts and volCcy24h base.
    volCcy24h: str(spot ? s.volQuote : s.volBase),
    vol24h: str(spot ? s.volBase : s.vol),
    ts: String(Date.now()),
    sodUtc0: str(s.sodUtc0),
    sodUtc8: str(s.sodUtc0),
  }
}

export function bookWire(m: Market, depth: number): Record<string, unknown> {
  return {
    asks: m.book.side('asks', depth).map(levelWire),
    bids: m.book.side('bids', depth).map(levelWire),
    ts: String(Date.now()),
  }
}

export function tradeWire(t: PublicTrade): Record<string, string> {
  return { instId: t.instId, tradeId: t.tradeId, px: str(t.px), sz: str(t.sz), side: t.side, ts: String(t.ts), count: '1', source: '0' }
}

/** [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]. */
export function candleWire(m: Market, c: Candle, spec: BarSpec, now = Date.now()): string[] {
  const spot = m.inst.instType === 'SPOT'
  return [
    String(c.ts),
    str(c.o),
    str(c.h),
    str(c.l),
    str(c.c),
    str(c.vol),
    str(spot ? c.volQuote : c.volBase),
    str(c.volQuote),
    c.ts + spec.ms <= now ? '1' : '0',
  ]
}

export function fundingWire(m: Market): Record<string, string> {
  const f = m.funding
  return {
    instType: 'SWAP',
    instId: m.inst.instId,
    fundingRate: str(f.rate),
    nextFundingRate: '',
    fundingTime: String(f.fundingTime),
    nextFundingTime: String(f.nextFundingTime),
    method: 'current_period',
    formulaType: 'withRate',
    maxFundingRate: '0.00375',
    minFundingRate: '-0.00375',
    premium: '0',
    settFundingRate: str(f.rate),
    settState: 'settled',
    impactValue: '',
    interestRate: '0.0001',
    sett: '',
    ts: String(Date.now()),
  }
}

export function markWire(m: Market): Record<string, string> {
  return { instType: m.inst.instType === 'SPOT' ? 'MARGIN' : m.inst.instType, instId: m.inst.instId, markPx: str(m.markPx), ts: String(Date.now()) }
}
