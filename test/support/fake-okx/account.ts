/**
 * The single trading account: cash per currency, net-mode positions per swap,
 * leverage per instrument, fees and realized PnL. Margin is modelled as cross
 * margin in the settlement currency, just enough for funds checks and for
 * /account/balance and /account/positions to tell a consistent story.
 */
import { ctVal } from './instruments'
import type { MarketData } from './market'
import { EPS, fix } from './num'
import type { FakeInstrument, FakeOrder, FakePosition, Side } from './types'

export const MAKER_FEE = 0.0002
export const TAKER_FEE = 0.0005
/** Maintenance margin rate reported in positions (a flat tier is enough for a fake). */
export const MMR_RATE = 0.004
export const DEFAULT_LEVER = 10

export interface FillEffect {
  /** OKX sign: negative = paid. */
  fee: number
  feeCcy: string
  pnl: number
}

interface PositionState {
  pos: number
  avgPx: number
  realizedPnl: number
  mgnMode: string
  cTime: number
  uTime: number
}

export interface BalanceDetail {
  ccy: string
  cashBal: number
  eq: number
  upl: number
  ordFrozen: number
  imr: number
  mmr: number
  availEq: number
}

export class Account {
  private readonly cash = new Map<string, number>()
  private readonly positions = new Map<string, PositionState>()
  private readonly lever = new Map<string, number>()
  uTime = Date.now()

  constructor(
    balances: Record<string, number>,
    private readonly markets: MarketData,
    private readonly openOrders: () => FakeOrder[],
  ) {
    for (const [ccy, amount] of Object.entries(balances)) this.cash.set(ccy, amount)
  }

  leverage(instId: string): number {
    return this.lever.get(instId) ?? DEFAULT_LEVER
  }

  setLeverage(instId: string, lever: number): void {
    this.lever.set(instId, lever)
  }

  cashOf(ccy: string): number {
    return this.cash.get(ccy) ?? 0
  }

  cashAll(): Record<string, number> {
    return Object.fromEntries(this.cash)
  }

  private add(ccy: string, delta: number): void {
    this.cash.set(ccy, fix(this.cashOf(ccy) + delta))
  }

  /** Signed contracts held in a swap (0 when flat or spot). */
  positionOf(instId: string): number {
    return this.positions.get(instId)?.pos ?? 0
  }

  applyFill(inst: FakeInstrument, side: Side, px: number, sz: number, feeRate: number, mgnMode: string): FillEffect {
    this.uTime = Date.now()
    return inst.instType === 'SPOT' ? this.spotFill(inst, side, px, sz, feeRate) : this.swapFill(inst, side, px, sz, feeRate, mgnMode)
  }

  /** Spot: OKX charges the fee in the currency received. */
  private spotFill(inst: FakeInstrument, side: Side, px: number, sz: number, feeRate: number): FillEffect {
    const quote = fix(px * sz)
    if (side === 'buy') {
      const fee = fix(sz * feeRate)
      this.add(inst.quoteCcy, -quote)
      this.add(inst.baseCcy, sz - fee)
      return { fee: -fee, feeCcy: inst.baseCcy, pnl: 0 }
    }
    const fee = fix(quote * feeRate)
    this.add(inst.baseCcy, -sz)
    this.add(inst.quoteCcy, quote - fee)
    return { fee: -fee, feeCcy: inst.quoteCcy, pnl: 0 }
  }

  private swapFill(inst: FakeInstrument, side: Side, px: number, sz: number, feeRate: number, mgnMode: string): FillEffect {
    const settle = inst.settleCcy ?? inst.quoteCcy
    const cv = ctVal(inst)
    const now = Date.now()
    const p = this.positions.get(inst.instId) ?? { pos: 0, avgPx: 0, realizedPnl: 0, mgnMode, cTime: now, uTime: now }
    if (Math.abs(p.pos) <= EPS) {
      p.cTime = now
      p.mgnMode = mgnMode
    }
    const signed = side === 'buy' ? sz : -sz
    let pnl = 0
    if (p.pos === 0 || Math.sign(p.pos) === Math.sign(signed)) {
      const next = fix(p.pos + signed)
      p.avgPx = fix((Math.abs(p.pos) * p.avgPx + sz * px) / Math.abs(next))
      p.pos = next
    } else {
      const closing = Math.min(Math.abs(p.pos), sz)
      pnl = fix((px - p.avgPx) * closing * cv * Math.sign(p.pos))
      const next = fix(p.pos + signed)
      if (Math.abs(next) <= EPS) {
        p.pos = 0
        p.avgPx = 0
      } else if (Math.sign(next) !== Math.sign(p.pos)) {
        p.pos = next // flipped: the rest opens at this price
        p.avgPx = px
      } else {
        p.pos = next
      }
    }
    p.realizedPnl = fix(p.realizedPnl + pnl)
    p.uTime = now
    this.positions.set(inst.instId, p)
    const fee = fix(sz * cv * px * feeRate)
    this.add(settle, pnl - fee)
    return { fee: -fee, feeCcy: settle, pnl }
  }

  position(instId: string): FakePosition | null {
    const p = this.positions.get(instId)
    const m = this.markets.get(instId)
    if (!p || !m) return null
    return {
      instId,
      pos: p.pos,
      avgPx: p.avgPx,
      markPx: m.markPx,
      upl: this.upl(instId),
      realizedPnl: p.realizedPnl,
      lever: this.leverage(instId),
      mgnMode: p.mgnMode,
      cTime: p.cTime,
      uTime: p.uTime,
    }
  }

  /** Every position ever opened, flat ones included (pos 0). */
  allPositions(): FakePosition[] {
    return [...this.positions.keys()].map((id) => this.position(id)).filter((p): p is FakePosition => p !== null)
  }

  upl(instId: string): number {
    const p = this.positions.get(instId)
    const m = this.markets.get(instId)
    if (!p || !m) return 0
    return fix((m.markPx - p.avgPx) * p.pos * ctVal(m.inst))
  }

  notional(instId: string): number {
    const p = this.positions.get(instId)
    const m = this.markets.get(instId)
    if (!p || !m) return 0
    return fix(Math.abs(p.pos) * ctVal(m.inst) * m.markPx)
  }

  /** Amount of `ccy` locked by open orders. */
  ordFrozen(ccy: string, exclude?: FakeOrder): number {
    let frozen = 0
    for (const o of this.openOrders()) {
      if (o === exclude) continue
      const m = this.markets.get(o.instId)
      if (!m || o.px === null) continue
      const rest = o.sz - o.accFillSz
      if (m.inst.instType === 'SPOT') {
        if (o.side === 'buy' && m.inst.quoteCcy === ccy) frozen += rest * o.px
        if (o.side === 'sell' && m.inst.baseCcy === ccy) frozen += rest
      } else if ((m.inst.settleCcy ?? m.inst.quoteCcy) === ccy && !o.reduceOnly) {
        frozen += (rest * ctVal(m.inst) * o.px) / this.leverage(o.instId)
      }
    }
    return fix(frozen)
  }

  detail(ccy: string, exclude?: FakeOrder): BalanceDetail {
    let upl = 0
    let imr = 0
    let mmr = 0
    for (const [instId, p] of this.positions) {
      const m = this.markets.get(instId)
      if (!m || (m.inst.settleCcy ?? m.inst.quoteCcy) !== ccy || p.pos === 0) continue
      upl += this.upl(instId)
      imr += this.notional(instId) / this.leverage(instId)
      mmr += this.notional(instId) * MMR_RATE
    }
    const cashBal = this.cashOf(ccy)
    const ordFrozen = this.ordFrozen(ccy, exclude)
    const eq = fix(cashBal + upl)
    return { ccy, cashBal, eq, upl: fix(upl), ordFrozen, imr: fix(imr), mmr: fix(mmr), availEq: fix(Math.max(0, eq - ordFrozen - imr)) }
  }

  currencies(): string[] {
    return [...this.cash.keys()]
  }
}
