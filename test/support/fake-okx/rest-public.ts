/**
 * Public REST endpoints: what ccxt's loadMarkets, fetchTime, fetchTicker(s),
 * fetchOrderBook, fetchTrades, fetchOHLCV, fetchFundingRate and fetchMarkPrice call.
 */
import { parseBar } from './candles'
import { type FakeContext, fail, ok, type RestReply, type Route } from './context'
import { instrumentWire } from './instruments'
import type { Market } from './market'
import { bookWire, candleWire, fundingWire, markWire, tickerWire, tradeWire } from './wire-public'

const INST_TYPES = ['SPOT', 'MARGIN', 'SWAP', 'FUTURES', 'OPTION']

function intParam(q: URLSearchParams, name: string, dflt: number, max: number): number {
  const v = Number(q.get(name) ?? '')
  if (!q.has(name) || !Number.isFinite(v) || v <= 0) return dflt
  return Math.min(Math.floor(v), max)
}

/** Resolves ?instId or answers OKX's error for a missing/unknown instrument. */
function market(ctx: FakeContext, q: URLSearchParams): Market | RestReply {
  const instId = q.get('instId')
  if (!instId) return fail('50014', 'Parameter instId can not be empty.')
  return ctx.markets.get(instId) ?? fail('51001', "Instrument ID or Spread ID doesn't exist.")
}

function isReply(v: Market | RestReply): v is RestReply {
  return 'body' in v
}

export function publicRoutes(ctx: FakeContext): Route[] {
  const get = (path: string, handle: Route['handle']): Route => ({ method: 'GET', path, auth: false, handle })

  const books = (max: number) => (req: { query: URLSearchParams }): RestReply => {
    const m = market(ctx, req.query)
    if (isReply(m)) return m
    return ok([bookWire(m, intParam(req.query, 'sz', 1, max))])
  }

  const trades = (req: { query: URLSearchParams }): RestReply => {
    const m = market(ctx, req.query)
    if (isReply(m)) return m
    const limit = intParam(req.query, 'limit', 100, 500)
    return ok(m.trades.slice(-limit).reverse().map(tradeWire))
  }

  const candles = (max: number) => (req: { query: URLSearchParams }): RestReply => {
    const m = market(ctx, req.query)
    if (isReply(m)) return m
    const spec = parseBar(req.query.get('bar') ?? '1m')
    if (!spec) return fail('51000', 'Parameter bar error')
    const after = req.query.has('after') ? Number(req.query.get('after')) : Infinity
    const before = req.query.has('before') ? Number(req.query.get('before')) : -Infinity
    const limit = intParam(req.query, 'limit', 100, max)
    const now = Date.now()
    // OKX: `after` pages towards older data (ts < after), `before` towards newer (ts > before); newest first.
    const rows = m.candles.bars(spec).filter((c) => c.ts < after && c.ts > before)
    return ok(rows.slice(0, limit).map((c) => candleWire(m, c, spec, now)))
  }

  return [
    get('/api/v5/public/time', () => ok([{ ts: String(Date.now()) }])),
    get('/api/v5/public/instruments', (req) => {
      const instType = req.query.get('instType')
      if (!instType) return fail('50014', 'Parameter instType can not be empty.')
      if (!INST_TYPES.includes(instType)) return fail('51000', 'Parameter instType error')
      const instId = req.query.get('instId')
      const list = ctx.markets
        .all()
        .filter((m) => m.inst.instType === instType && (!instId || m.inst.instId === instId))
        .map((m) => instrumentWire(m.inst))
      return ok(list)
    }),
    get('/api/v5/market/ticker', (req) => {
      const m = market(ctx, req.query)
      return isReply(m) ? m : ok([tickerWire(ctx.markets, m)])
    }),
    get('/api/v5/market/tickers', (req) => {
      const instType = req.query.get('instType')
      if (!instType) return fail('50014', 'Parameter instType can not be empty.')
      return ok(ctx.markets.all().filter((m) => m.inst.instType === instType).map((m) => tickerWire(ctx.markets, m)))
    }),
    get('/api/v5/market/books', books(400)),
    get('/api/v5/market/books-full', books(5000)),
    get('/api/v5/market/trades', trades),
    get('/api/v5/market/history-trades', trades),
    get('/api/v5/market/candles', candles(300)),
    get('/api/v5/market/history-candles', candles(100)),
    get('/api/v5/public/funding-rate', (req) => {
      const m = market(ctx, req.query)
      if (isReply(m)) return m
      if (m.inst.instType !== 'SWAP') return fail('51000', 'Parameter instId error')
      return ok([fundingWire(m)])
    }),
    get('/api/v5/public/funding-rate-history', (req) => {
      const m = market(ctx, req.query)
      return isReply(m) ? m : ok([]) // no settlements happen in the fake
    }),
    get('/api/v5/public/mark-price', (req) => {
      const instId = req.query.get('instId')
      const instType = req.query.get('instType')
      const list = ctx.markets
        .all()
        .filter((m) => (instId ? m.inst.instId === instId : !instType || m.inst.instType === instType || (instType === 'MARGIN' && m.inst.instType === 'SPOT')))
      if (instId && list.length === 0) return fail('51001', "Instrument ID or Spread ID doesn't exist.")
      return ok(list.map(markWire))
    }),
  ]
}
