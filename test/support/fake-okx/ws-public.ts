/**
 * Public WS channels (tickers, books, books5, bbo-tbt, trades, funding-rate,
 * mark-price on /public; candle* on /business, where ccxt's getUrl sends
 * every channel containing 'candle') and the pushes driven by market events.
 */
import type { BookDelta } from './book'
import { parseBar } from './candles'
import type { FakeContext } from './context'
import type { Market } from './market'
import { str } from './num'
import { bookWire, candleWire, fundingWire, levelWire, markWire, tickerWire, tradeWire } from './wire-public'
import type { Arg, ChannelSpec, WsConn, WsHub } from './ws-server'

const isCandle = (name: string): boolean => name.startsWith('candle')

export function publicChannels(ctx: FakeContext): ChannelSpec[] {
  const market = (arg: Arg): Market | undefined => ctx.markets.get(arg.instId ?? '')
  const missing = (arg: Arg) => ({ code: '60018', msg: `Wrong URL or channel:${arg.channel}, instId:${arg.instId ?? ''} doesn't exist.` })
  const needsInst = (arg: Arg) => (market(arg) ? null : missing(arg))
  const simple = (name: string, push: (conn: WsConn, arg: Arg, m: Market) => void, check = needsInst): ChannelSpec => ({
    matches: (c) => c === name,
    endpoint: 'public',
    needsLogin: false,
    check,
    onSubscribe: (conn, arg) => {
      const m = market(arg)
      if (m) push(conn, arg, m)
    },
  })
  return [
    simple('tickers', (conn, arg, m) => conn.send({ arg, data: [tickerWire(ctx.markets, m)] })),
    simple('books', (conn, arg, m) => conn.send(bookSnapshot(arg, m))),
    simple('books5', (conn, arg, m) => conn.send(topN(arg, m, 5))),
    simple('bbo-tbt', (conn, arg, m) => conn.send(topN(arg, m, 1))),
    { matches: (c) => c === 'trades', endpoint: 'public', needsLogin: false, check: needsInst },
    simple('mark-price', (conn, arg, m) => conn.send({ arg, data: [markWire(m)] })),
    simple(
      'funding-rate',
      (conn, arg, m) => conn.send({ arg, data: [fundingWire(m)] }),
      (arg) => (market(arg)?.inst.instType === 'SWAP' ? null : missing(arg)),
    ),
    {
      matches: isCandle,
      endpoint: 'business',
      needsLogin: false,
      check: (arg) => (market(arg) && parseBar((arg.channel ?? '').slice('candle'.length)) ? null : missing(arg)),
      onSubscribe: (conn, arg) => pushCandle(conn, arg, ctx),
    },
  ]
}

function bookSnapshot(arg: Arg, m: Market): unknown {
  const book = bookWire(m, 400)
  return { arg, action: 'snapshot', data: [{ ...book, checksum: 0, seqId: m.book.seqId, prevSeqId: -1 }] }
}

function topN(arg: Arg, m: Market, n: number): unknown {
  const book = bookWire(m, n)
  return { arg, data: [{ ...book, instId: m.inst.instId, seqId: m.book.seqId }] }
}

function pushCandle(conn: WsConn, arg: Arg, ctx: FakeContext): void {
  const m = ctx.markets.get(arg.instId ?? '')
  const spec = parseBar((arg.channel ?? '').slice('candle'.length))
  if (!m || !spec) return
  const latest = m.candles.bars(spec)[0]
  if (latest) conn.send({ arg, data: [candleWire(m, latest, spec)] })
}

/** A 'books' update frame, or a deliberately broken one when faults.malformedFrame is armed. */
function bookUpdateFrame(arg: Arg, delta: BookDelta, broken: 'json' | 'shape' | null): string {
  const data = {
    asks: delta.asks.map(levelWire),
    bids: delta.bids.map(levelWire),
    ts: String(delta.ts),
    checksum: 0,
    seqId: delta.seqId,
    prevSeqId: delta.prevSeqId,
  }
  const frame = JSON.stringify({ arg, action: 'update', data: [data] })
  if (broken === 'json') return frame.slice(0, Math.floor(frame.length / 2)) // truncated mid-object
  if (broken === 'shape') {
    return JSON.stringify({ arg, action: 'update', data: [{ asks: 'garbage', bids: { price: str(1) }, ts: 'not-a-time', checksum: 'x', seqId: 'x', prevSeqId: 'y' }] })
  }
  return frame
}

/** Forwards market events to subscribers. */
export function wirePublic(ctx: FakeContext, hub: WsHub): void {
  const { events, markets } = ctx
  const forInst = (channel: string | ((n: string) => boolean), instId: string, fn: (conn: WsConn, arg: Arg) => void): void =>
    hub.each(channel, (conn, arg) => {
      if (arg.instId === instId) fn(conn, arg)
    })

  events.on('book', (instId, delta) => {
    const m = markets.must(instId)
    let subscribed = false
    hub.each('books', (_c, arg) => {
      subscribed ||= arg.instId === instId
    })
    // Armed per instrument and consumed by the first push that actually reaches a subscriber.
    const broken = subscribed ? ctx.faults.takeMalformed(instId) : null
    forInst('books', instId, (conn, arg) => conn.sendRaw(bookUpdateFrame(arg, delta, broken)))
    forInst('books5', instId, (conn, arg) => conn.send(topN(arg, m, 5)))
    forInst('bbo-tbt', instId, (conn, arg) => conn.send(topN(arg, m, 1)))
  })
  events.on('ticker', (instId) => forInst('tickers', instId, (conn, arg) => conn.send({ arg, data: [tickerWire(markets, markets.must(instId))] })))
  events.on('trade', (trade) => forInst('trades', trade.instId, (conn, arg) => conn.send({ arg, data: [tradeWire(trade)] })))
  events.on('mark', (instId) => forInst('mark-price', instId, (conn, arg) => conn.send({ arg, data: [markWire(markets.must(instId))] })))
  events.on('funding', (instId) => forInst('funding-rate', instId, (conn, arg) => conn.send({ arg, data: [fundingWire(markets.must(instId))] })))
  events.on('candle', (instId) => forInst(isCandle, instId, (conn, arg) => pushCandle(conn, arg, ctx)))
}
