/**
 * Private REST endpoints (signed). Order endpoints answer per order with
 * sCode/sMsg and an envelope code of '0' (all ok), '1' (all failed) or '2'
 * (some failed), which is what ccxt's okx.handleErrors looks at.
 */
import { type FakeContext, fail, ok, type RestReply, type Route } from './context'
import type { FakeOrder } from './types'
import { balanceWire, fillWire, orderWire, positionWire, UID } from './wire-private'

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Envelope for per-item results: '0' all succeeded, '1' all failed, '2' partial. */
function batchReply(items: { sCode: string }[]): RestReply {
  const failed = items.filter((i) => i.sCode !== '0').length
  if (failed === 0) return ok(items)
  if (failed === items.length) return fail('1', 'All operations failed.', 200, items)
  return fail('2', 'Bulk operation partially succeeded.', 200, items)
}

function limitOf(q: URLSearchParams): number {
  const n = Number(q.get('limit') ?? '100')
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 100) : 100
}

function csv(q: URLSearchParams, name: string): string[] {
  return (q.get(name) ?? '').split(',').filter((s) => s !== '')
}

/** Newest first, then OKX's id cursors: `after` = older than that id, `before` = newer than it. */
function page<T>(rows: T[], q: URLSearchParams, id: (row: T) => string): T[] {
  const sorted = [...rows].reverse()
  const after = q.get('after')
  const before = q.get('before')
  let out = sorted
  if (after) {
    const i = out.findIndex((r) => id(r) === after)
    out = i >= 0 ? out.slice(i + 1) : out.filter((r) => BigInt(id(r)) < BigInt(after))
  }
  if (before) out = out.filter((r) => BigInt(id(r)) > BigInt(before))
  return out.slice(0, limitOf(q))
}

const CURRENCY_CHAINS: Record<string, { chain: string; name: string; wdTickSz: string }> = {
  USDT: { chain: 'USDT-TRC20', name: 'Tether', wdTickSz: '6' },
  BTC: { chain: 'BTC-Bitcoin', name: 'Bitcoin', wdTickSz: '8' },
  ETH: { chain: 'ETH-ERC20', name: 'Ethereum', wdTickSz: '8' },
}

export function privateRoutes(ctx: FakeContext): Route[] {
  const get = (path: string, handle: Route['handle']): Route => ({ method: 'GET', path, auth: true, handle })
  const post = (path: string, handle: Route['handle'], placesOrder = false): Route => ({ method: 'POST', path, auth: true, placesOrder, handle })
  const { matching, account, markets } = ctx

  const matchesFilter = (o: FakeOrder, q: URLSearchParams): boolean =>
    (!q.get('begin') || o.cTime >= Number(q.get('begin'))) &&
    (!q.get('end') || o.cTime <= Number(q.get('end'))) &&
    (!q.get('instType') || o.instType === q.get('instType')) &&
    (!q.get('instId') || o.instId === q.get('instId')) &&
    (!q.get('ordType') || o.ordType === q.get('ordType')) &&
    (!q.get('state') || o.state === q.get('state'))

  const orderHistory = (req: { query: URLSearchParams }): RestReply => {
    if (!req.query.get('instType')) return fail('50014', 'Parameter instType can not be empty.')
    const rows = matching.all().filter((o) => (o.state === 'filled' || o.state === 'canceled') && matchesFilter(o, req.query))
    return ok(page(rows, req.query, (o) => o.ordId).map((o) => orderWire(o)))
  }

  const fills = (requireType: boolean) => (req: { query: URLSearchParams }): RestReply => {
    const q = req.query
    if (requireType && !q.get('instType')) return fail('50014', 'Parameter instType can not be empty.')
    const begin = Number(q.get('begin') ?? '-Infinity')
    const end = Number(q.get('end') ?? 'Infinity')
    const rows = matching
      .all()
      .flatMap((o) => o.fills)
      .filter(
        (f) =>
          (!q.get('instType') || f.instType === q.get('instType')) &&
          (!q.get('instId') || f.instId === q.get('instId')) &&
          (!q.get('ordId') || f.ordId === q.get('ordId')) &&
          f.ts >= begin &&
          f.ts <= end,
      )
      .sort((a, b) => (BigInt(a.billId) < BigInt(b.billId) ? -1 : 1))
    return ok(page(rows, q, (f) => f.billId).map(fillWire))
  }

  const single = (fn: (body: Obj) => { sCode: string }) => (req: { body: unknown }): RestReply => {
    if (!isObj(req.body)) return fail('50002', 'JSON syntax error')
    return batchReply([fn(req.body)])
  }

  const batch = (fn: (body: Obj) => { sCode: string }) => (req: { body: unknown }): RestReply => {
    if (!Array.isArray(req.body) || !req.body.every(isObj)) return fail('50002', 'JSON syntax error')
    if (req.body.length === 0) return fail('50014', 'Parameter can not be empty.')
    if (req.body.length > 20) return fail('51111', 'Maximum 20 orders can be placed in bulk.')
    return batchReply(req.body.map((b) => fn(b)))
  }

  return [
    get('/api/v5/account/balance', (req) => ok([balanceWire(account, markets, csv(req.query, 'ccy'))])),
    get('/api/v5/account/positions', (req) => {
      const ids = csv(req.query, 'instId')
      const instType = req.query.get('instType')
      const rows = account
        .allPositions()
        .filter((p) => p.pos !== 0 && (ids.length === 0 || ids.includes(p.instId)) && (!instType || instType === 'SWAP'))
      return ok(rows.map((p) => positionWire(p, markets)))
    }),
    get('/api/v5/account/config', () =>
      ok([
        {
          uid: UID,
          mainUid: UID,
          acctLv: '2',
          acctStpMode: 'cancel_maker',
          posMode: 'net_mode',
          autoLoan: false,
          greeksType: 'PA',
          level: 'Lv1',
          levelTmp: '',
          ctIsoMode: 'automatic',
          mgnIsoMode: 'automatic',
          spotOffsetType: '',
          roleType: '0',
          traderInsts: [],
          spotRoleType: '0',
          spotTraderInsts: [],
          opAuth: '0',
          kycLv: '2',
          label: 'fake-okx',
          ip: '',
          perm: 'read_only,trade',
          liquidationGear: '-1',
          enableSpotBorrow: false,
          spotBorrowAutoRepay: false,
          type: '0',
          settleCcy: 'USDT',
          settleCcyList: ['USDT'],
        },
      ]),
    ),
    get('/api/v5/account/trade-fee', (req) =>
      ok([{ category: '1', delivery: '', exercise: '', instType: req.query.get('instType') ?? 'SPOT', level: 'Lv1', maker: '-0.0002', taker: '-0.0005', makerU: '-0.0002', takerU: '-0.0005', makerUSDC: '', takerUSDC: '', ts: String(Date.now()) }]),
    ),
    get('/api/v5/account/leverage-info', (req) =>
      ok(csv(req.query, 'instId').map((instId) => ({ instId, mgnMode: req.query.get('mgnMode') ?? 'cross', posSide: 'net', lever: String(account.leverage(instId)) }))),
    ),
    post('/api/v5/account/set-leverage', (req) => {
      const b = isObj(req.body) ? req.body : {}
      const m = markets.get(typeof b.instId === 'string' ? b.instId : '')
      if (!m) return fail('51001', "Instrument ID or Spread ID doesn't exist.")
      if (m.inst.instType !== 'SWAP') return fail('51000', 'Parameter instId error')
      const mgnMode = b.mgnMode
      if (mgnMode !== 'cross' && mgnMode !== 'isolated') return fail('51000', 'Parameter mgnMode error')
      const lever = Number(b.lever)
      if (!Number.isFinite(lever) || lever < 1 || lever > (m.inst.maxLever ?? 100)) return fail('51000', 'Parameter lever error')
      account.setLeverage(m.inst.instId, lever)
      ctx.events.emit('position', m.inst.instId)
      return ok([{ lever: String(lever), mgnMode, instId: m.inst.instId, posSide: 'net' }])
    }),
    get('/api/v5/asset/currencies', () =>
      ok(
        Object.entries(CURRENCY_CHAINS).map(([ccy, c]) => ({
          ccy,
          chain: c.chain,
          name: c.name,
          canDep: true,
          canWd: true,
          canInternal: true,
          minDep: '0.00000001',
          minWd: '0.001',
          maxWd: '1000000',
          wdTickSz: c.wdTickSz,
          minFee: '0.0001',
          maxFee: '0.001',
          mainNet: true,
          needTag: false,
          logoLink: '',
        })),
      ),
    ),
    // The funding account is not modelled: everything lives in the trading account.
    get('/api/v5/asset/balances', () => ok([])),
    post('/api/v5/trade/order', single((b) => matching.place(b)), true),
    post('/api/v5/trade/batch-orders', batch((b) => matching.place(b)), true),
    post('/api/v5/trade/cancel-order', single((b) => matching.cancelByRequest(b))),
    post('/api/v5/trade/cancel-batch-orders', batch((b) => matching.cancelByRequest(b))),
    post('/api/v5/trade/amend-order', single((b) => matching.amend(b))),
    post('/api/v5/trade/amend-batch-orders', batch((b) => matching.amend(b))),
    get('/api/v5/trade/order', (req) => {
      const instId = req.query.get('instId')
      if (!instId) return fail('50014', 'Parameter instId can not be empty.')
      const ordId = req.query.get('ordId') ?? ''
      const clOrdId = req.query.get('clOrdId') ?? ''
      if (!ordId && !clOrdId) return fail('51003', 'Either client order ID or order ID is required.')
      const o = matching.find(instId, ordId, clOrdId)
      return o ? ok([orderWire(o)]) : fail('51603', 'Order does not exist')
    }),
    get('/api/v5/trade/orders-pending', (req) => ok(page(matching.open().filter((o) => matchesFilter(o, req.query)), req.query, (o) => o.ordId).map((o) => orderWire(o)))),
    get('/api/v5/trade/orders-history', orderHistory),
    get('/api/v5/trade/orders-history-archive', orderHistory),
    get('/api/v5/trade/fills', fills(false)),
    get('/api/v5/trade/fills-history', fills(true)),
    post('/api/v5/trade/cancel-all-after', (req) => {
      const b = isObj(req.body) ? req.body : {}
      try {
        const state = ctx.deadMan.set(Number(b.timeOut))
        return ok([{ triggerTime: state ? String(state.triggerTime) : '0', tag: typeof b.tag === 'string' ? b.tag : '', ts: String(Date.now()) }])
      } catch {
        return fail('51000', 'Parameter timeOut error')
      }
    }),
  ]
}
