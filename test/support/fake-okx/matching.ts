/**
 * Orders: validation with OKX's sCodes, taker execution against the fake book,
 * resting limit orders filled as maker by printTrade, cancel and amend.
 *
 * Simplifications (a test double, not an exchange):
 * - our resting orders are not inserted into the public book; they fill only
 *   when printTrade prints a price that reaches them (setBook does not fill them);
 * - public trades caused by our own taker fills never fill our resting orders;
 * - positions are net mode, margin is cross in the settlement currency.
 */
import { type Account, MAKER_FEE, TAKER_FEE } from './account'
import type { FakeEvents, Ids } from './events'
import type { FaultState } from './faults'
import { ctVal } from './instruments'
import type { Market, MarketData } from './market'
import { EPS, fix, floorStep, isMultiple, parseNum, str } from './num'
import type { FakeFill, FakeOrder, FakeOrdType, Side } from './types'

export interface OrderAck {
  clOrdId: string
  ordId: string
  tag: string
  ts: string
  sCode: string
  sMsg: string
}

export interface AmendAck {
  clOrdId: string
  ordId: string
  reqId: string
  ts: string
  sCode: string
  sMsg: string
}

/** A per-order refusal carrying OKX's sCode. */
export class Reject extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const ORD_TYPES: FakeOrdType[] = ['market', 'limit', 'post_only', 'ioc', 'fok', 'optimal_limit_ioc']
const CL_ORD_ID = /^[A-Za-z0-9]{1,32}$/

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

function isOpen(o: FakeOrder): boolean {
  return o.state === 'live' || o.state === 'partially_filled'
}

/** Spot market orders sized in quote currency (tgtCcy=quote_ccy). */
function quoteSized(o: FakeOrder): boolean {
  return o.instType === 'SPOT' && o.tgtCcy === 'quote_ccy' && (o.ordType === 'market' || o.ordType === 'optimal_limit_ioc')
}

export class Matching {
  private readonly list: FakeOrder[] = []

  constructor(
    private readonly markets: MarketData,
    private readonly account: Account,
    private readonly events: FakeEvents,
    private readonly ids: Ids,
    private readonly faults: FaultState,
  ) {}

  all(): FakeOrder[] {
    return this.list
  }

  open(): FakeOrder[] {
    return this.list.filter(isOpen)
  }

  find(instId: string | undefined, ordId: string, clOrdId: string): FakeOrder | undefined {
    return this.list.find(
      (o) => (instId === undefined || instId === '' || o.instId === instId) && (ordId ? o.ordId === ordId : clOrdId !== '' && o.clOrdId === clOrdId),
    )
  }

  place(raw: Record<string, unknown>): OrderAck {
    const ts = String(Date.now())
    const clOrdId = text(raw.clOrdId)
    const tag = text(raw.tag)
    const forced = this.faults.takeReject()
    if (forced) return { clOrdId, ordId: '', tag, ts, sCode: forced.code, sMsg: forced.msg }
    try {
      const order = this.validate(raw)
      this.list.push(order)
      this.events.emit('order', order, null)
      this.execute(order)
      return { clOrdId, ordId: order.ordId, tag, ts, sCode: '0', sMsg: 'Order placed' }
    } catch (e) {
      if (e instanceof Reject) return { clOrdId, ordId: '', tag, ts, sCode: e.code, sMsg: e.message }
      throw e
    }
  }

  private validate(raw: Record<string, unknown>): FakeOrder {
    const m = this.markets.get(text(raw.instId))
    if (!m) throw new Reject('51001', 'Instrument ID does not exist.')
    const inst = m.inst
    const side = text(raw.side)
    if (side !== 'buy' && side !== 'sell') throw new Reject('51000', 'Parameter side error')
    const ordType = text(raw.ordType) as FakeOrdType
    if (!ORD_TYPES.includes(ordType)) throw new Reject('51000', 'Parameter ordType error')
    const tdMode = text(raw.tdMode)
    if (inst.instType === 'SPOT' ? tdMode !== 'cash' : tdMode !== 'cross' && tdMode !== 'isolated') {
      throw new Reject('51000', 'Parameter tdMode error')
    }
    const posSide = text(raw.posSide)
    if (posSide !== '' && posSide !== 'net') throw new Reject('51000', 'Parameter posSide error') // the fake account is in net mode
    const tgtCcy = inst.instType === 'SPOT' ? text(raw.tgtCcy) || 'base_ccy' : ''
    const isMarket = ordType === 'market' || ordType === 'optimal_limit_ioc'
    if (tgtCcy !== '' && tgtCcy !== 'base_ccy' && !(tgtCcy === 'quote_ccy' && isMarket)) throw new Reject('51000', 'Parameter tgtCcy error')
    const sz = parseNum(raw.sz)
    if (!(sz > 0)) throw new Reject('51000', 'Parameter sz error')
    if (!(tgtCcy === 'quote_ccy')) {
      if (!isMultiple(sz, inst.lotSz)) throw new Reject('51121', `Order quantity must be a multiple of the lot size ${str(inst.lotSz)}.`)
      if (sz < inst.minSz - EPS) throw new Reject('51020', 'Your order should meet or exceed the minimum order amount.')
    }
    let px: number | null = null
    if (!isMarket) {
      px = parseNum(raw.px)
      if (!(px > 0) || !isMultiple(px, inst.tickSz)) throw new Reject('51000', 'Parameter px error')
    }
    const clOrdId = text(raw.clOrdId)
    if (clOrdId !== '') {
      if (!CL_ORD_ID.test(clOrdId)) throw new Reject('51000', 'Parameter clOrdId error')
      // Stricter than OKX (which checks recent orders): any reuse is a duplicate, which is what idempotent resends rely on.
      if (this.list.some((o) => o.clOrdId === clOrdId)) throw new Reject('51016', 'Duplicated clOrdId')
    }
    const reduceOnly = raw.reduceOnly === true || raw.reduceOnly === 'true'
    if (reduceOnly) this.checkReduceOnly(m, side, sz)
    const now = Date.now()
    const order: FakeOrder = {
      ordId: this.ids.ordId(),
      clOrdId,
      tag: text(raw.tag),
      instId: inst.instId,
      instType: inst.instType,
      side,
      ordType,
      tdMode,
      tgtCcy,
      px,
      sz,
      reduceOnly,
      state: 'live',
      accFillSz: 0,
      avgPx: 0,
      fee: 0,
      feeCcy: inst.instType === 'SPOT' ? (side === 'buy' ? inst.baseCcy : inst.quoteCcy) : (inst.settleCcy ?? inst.quoteCcy),
      pnl: 0,
      lever: inst.instType === 'SWAP' ? this.account.leverage(inst.instId) : 0,
      cancelSource: '',
      cTime: now,
      uTime: now,
      fills: [],
    }
    this.checkFunds(m, order)
    return order
  }

  private checkReduceOnly(m: Market, side: Side, sz: number): void {
    if (m.inst.instType === 'SPOT') {
      throw new Reject('51139', 'Reduce-only feature is unavailable for the spot transactions by simple account')
    }
    const pos = this.account.positionOf(m.inst.instId)
    if ((side === 'sell' && pos <= 0) || (side === 'buy' && pos >= 0)) {
      throw new Reject('51169', "Order failed because you don't have any positions in this direction for this contract to reduce or close.")
    }
    if (sz > Math.abs(pos) + EPS) throw new Reject('51112', 'Close order size exceeds your available size.')
  }

  /** Refuses orders the account cannot pay for (51008), counting what open orders already lock. */
  private checkFunds(m: Market, o: FakeOrder): void {
    const inst = m.inst
    const refPx = o.px ?? (o.side === 'buy' ? m.book.best('asks') : m.book.best('bids'))?.[0] ?? m.last
    if (inst.instType === 'SPOT') {
      const ccy = o.side === 'buy' ? inst.quoteCcy : inst.baseCcy
      let need: number
      if (quoteSized(o)) need = o.side === 'buy' ? o.sz : o.sz / refPx
      else if (o.side === 'sell') need = o.sz
      else if (o.px !== null) need = o.sz * o.px
      else need = m.book.quote('buy', o.sz, null, Infinity, inst.lotSz).reduce((sum, [p, s]) => sum + p * s, 0)
      if (need > this.account.detail(ccy).availEq + EPS) throw new Reject('51008', `Order failed. Insufficient ${ccy} balance in account.`)
      return
    }
    if (o.reduceOnly) return
    const settle = inst.settleCcy ?? inst.quoteCcy
    const pos = this.account.positionOf(inst.instId)
    const closing = (o.side === 'buy' && pos < 0) || (o.side === 'sell' && pos > 0) ? Math.min(Math.abs(pos), o.sz) : 0
    const opening = o.sz - closing
    const cv = ctVal(inst)
    const need = (opening * cv * refPx) / this.account.leverage(inst.instId) + o.sz * cv * refPx * TAKER_FEE
    if (need > this.account.detail(settle).availEq + EPS) throw new Reject('51008', `Order failed. Insufficient ${settle} margin in account.`)
  }

  private crosses(m: Market, side: Side, px: number | null): boolean {
    if (px === null) return true
    const best = side === 'buy' ? m.book.best('asks') : m.book.best('bids')
    if (!best) return false
    return side === 'buy' ? px >= best[0] - EPS : px <= best[0] + EPS
  }

  /** Runs a freshly placed (or amended) order against the book. */
  private execute(o: FakeOrder): void {
    const m = this.markets.must(o.instId)
    const isMarket = o.ordType === 'market' || o.ordType === 'optimal_limit_ioc'
    const crossing = this.crosses(m, o.side, o.px)
    if (o.ordType === 'post_only' && crossing) return this.cancel(o, '31')
    if (!crossing) {
      if (o.ordType === 'ioc') this.cancel(o, '14')
      if (o.ordType === 'fok') this.cancel(o, '13')
      return // limit / post_only rest
    }
    const ratio = this.faults.takePartialFill()
    const remaining = fix(o.sz - o.accFillSz)
    let maxQty = quoteSized(o) ? Infinity : remaining
    let maxQuote = quoteSized(o) ? o.sz : Infinity
    if (ratio !== null) {
      if (quoteSized(o)) maxQuote = o.sz * ratio
      else maxQty = floorStep(remaining * ratio, m.inst.lotSz)
    }
    if (o.ordType === 'fok') {
      const available = m.book.quote(o.side, remaining, o.px, Infinity, m.inst.lotSz).reduce((sum, [, s]) => sum + s, 0)
      if ((ratio !== null && ratio < 1) || available < remaining - EPS) return this.cancel(o, '13')
    }
    const fills = maxQty > EPS ? this.markets.take(o.instId, o.side, maxQty, isMarket ? null : o.px, maxQuote) : []
    for (const f of fills) this.fill(o, f.px, f.sz, 'T', f.tradeId)
    if (isOpen(o) && (isMarket || o.ordType === 'ioc' || o.ordType === 'fok')) this.cancel(o, '14')
  }

  private fill(o: FakeOrder, px: number, sz: number, execType: 'T' | 'M', tradeId: string): void {
    const m = this.markets.must(o.instId)
    const effect = this.account.applyFill(m.inst, o.side, px, sz, execType === 'T' ? TAKER_FEE : MAKER_FEE, o.tdMode)
    const now = Date.now()
    const fill: FakeFill = {
      tradeId,
      billId: this.ids.billId(),
      ordId: o.ordId,
      clOrdId: o.clOrdId,
      instId: o.instId,
      instType: o.instType,
      side: o.side,
      fillPx: px,
      fillSz: sz,
      execType,
      fee: effect.fee,
      feeCcy: effect.feeCcy,
      fillPnl: effect.pnl,
      ts: now,
    }
    o.fills.push(fill)
    o.avgPx = fix((o.avgPx * o.accFillSz + px * sz) / (o.accFillSz + sz))
    o.accFillSz = fix(o.accFillSz + sz)
    o.fee = fix(o.fee + effect.fee)
    o.feeCcy = effect.feeCcy
    o.pnl = fix(o.pnl + effect.pnl)
    o.uTime = now
    o.state = this.isComplete(o, px) ? 'filled' : 'partially_filled'
    this.events.emit('order', o, fill)
    if (o.instType === 'SWAP') this.events.emit('position', o.instId)
    this.events.emit('balance')
  }

  private isComplete(o: FakeOrder, lastPx: number): boolean {
    if (!quoteSized(o)) return o.accFillSz >= o.sz - EPS
    const spent = o.fills.reduce((sum, f) => sum + f.fillPx * f.fillSz, 0)
    const lot = this.markets.must(o.instId).inst.lotSz
    return o.side === 'buy' ? spent >= o.sz - lastPx * lot - EPS : spent >= o.sz - EPS
  }

  private cancel(o: FakeOrder, source: string): void {
    o.state = 'canceled'
    o.cancelSource = source
    o.uTime = Date.now()
    this.events.emit('order', o, null)
    this.events.emit('balance')
  }

  /** printTrade: resting limit orders the printed price reaches fill as maker, best price first, then oldest. */
  onPublicTrade(instId: string, px: number, size: number, tradeId: string): void {
    const m = this.markets.must(instId)
    const reached = this.open()
      .filter((o) => o.instId === instId && o.px !== null && (o.side === 'buy' ? o.px >= px - EPS : o.px <= px + EPS))
      .sort((a, b) => (a.side === b.side ? (a.side === 'buy' ? (b.px ?? 0) - (a.px ?? 0) : (a.px ?? 0) - (b.px ?? 0)) : 0) || a.cTime - b.cTime)
    let left = size
    let firstId: string | null = tradeId
    for (const o of reached) {
      if (left <= EPS) break
      const take = floorStep(Math.min(o.sz - o.accFillSz, left), m.inst.lotSz)
      if (take <= EPS) continue
      // Each match gets its own tradeId (fills are de-duplicated by it); the first reuses the printed trade's.
      this.fill(o, o.px ?? px, take, 'M', firstId ?? this.ids.tradeId())
      firstId = null
      left = fix(left - take)
    }
  }

  cancelByRequest(raw: Record<string, unknown>): { ordId: string; clOrdId: string; sCode: string; sMsg: string; ts: string } {
    const ordId = text(raw.ordId)
    const clOrdId = text(raw.clOrdId)
    const ts = String(Date.now())
    if (!ordId && !clOrdId) return { ordId, clOrdId, ts, sCode: '51003', sMsg: 'Either client order ID or order ID is required.' }
    const o = this.find(text(raw.instId), ordId, clOrdId)
    if (!o) return { ordId, clOrdId, ts, sCode: '51400', sMsg: 'Cancellation failed as the order does not exist.' }
    if (o.state === 'canceled') return { ordId: o.ordId, clOrdId: o.clOrdId, ts, sCode: '51401', sMsg: 'Cancellation failed as the order is already canceled.' }
    if (o.state === 'filled') return { ordId: o.ordId, clOrdId: o.clOrdId, ts, sCode: '51402', sMsg: 'Cancellation failed as the order is already completed.' }
    this.cancel(o, '1')
    return { ordId: o.ordId, clOrdId: o.clOrdId, ts, sCode: '0', sMsg: '' }
  }

  amend(raw: Record<string, unknown>): AmendAck {
    const ordId = text(raw.ordId)
    const clOrdId = text(raw.clOrdId)
    const reqId = text(raw.reqId)
    const ts = String(Date.now())
    const ack = (o: FakeOrder | undefined, sCode: string, sMsg: string): AmendAck => ({
      ordId: o?.ordId ?? ordId,
      clOrdId: o?.clOrdId ?? clOrdId,
      reqId,
      ts,
      sCode,
      sMsg,
    })
    if (!ordId && !clOrdId) return ack(undefined, '51003', 'Either client order ID or order ID is required.')
    const o = this.find(text(raw.instId), ordId, clOrdId)
    if (!o) return ack(undefined, '51503', 'Order modification failed as the order does not exist.')
    if (o.state === 'canceled') return ack(o, '51509', 'Modification failed as the order has been canceled.')
    if (o.state === 'filled') return ack(o, '51510', 'Modification failed as the order has been completed.')
    const m = this.markets.must(o.instId)
    const newSz = raw.newSz === undefined || raw.newSz === '' ? null : parseNum(raw.newSz)
    const newPx = raw.newPx === undefined || raw.newPx === '' ? null : parseNum(raw.newPx)
    if (newSz === null && newPx === null) return ack(o, '51000', 'Parameter newSz or newPx error')
    if (newSz !== null && (!(newSz > o.accFillSz + EPS) || !isMultiple(newSz, m.inst.lotSz) || newSz < m.inst.minSz - EPS)) {
      return ack(o, '51000', 'Parameter newSz error')
    }
    if (newPx !== null && (!(newPx > 0) || !isMultiple(newPx, m.inst.tickSz))) return ack(o, '51000', 'Parameter newPx error')
    if (newPx !== null && o.ordType === 'post_only' && this.crosses(m, o.side, newPx)) {
      return ack(o, '51511', 'Modification failed as the order price did not meet the requirement for Post Only.')
    }
    if (newSz !== null) o.sz = newSz
    if (newPx !== null) o.px = newPx
    o.uTime = Date.now()
    this.events.emit('order', o, null)
    this.events.emit('balance')
    this.execute(o) // an amended price may now cross the book
    return ack(o, '0', '')
  }

  /** Cancels every open order (the dead-man switch firing uses source '20'). */
  cancelAll(source: string): number {
    const open = this.open()
    for (const o of open) this.cancel(o, source)
    return open.length
  }
}
