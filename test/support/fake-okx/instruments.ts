/**
 * Default instruments and their OKX wire form (GET /api/v5/public/instruments).
 * The wire fields are the ones ccxt's okx.parseMarket reads: instType, instId,
 * uly/instFamily (swaps), baseCcy/quoteCcy (spot), settleCcy, ctVal, tickSz,
 * lotSz, minSz, lever, state.
 */
import { str } from './num'
import type { FakeInstrument, Level } from './types'

export const DEFAULT_INSTRUMENTS: FakeInstrument[] = [
  {
    instId: 'BTC-USDT-SWAP', instType: 'SWAP', baseCcy: 'BTC', quoteCcy: 'USDT', settleCcy: 'USDT',
    ctVal: 0.01, tickSz: 0.1, lotSz: 1, minSz: 1, maxLever: 100, price: 60000,
    book: {
      bids: [[59999.9, 50], [59999, 100], [59998, 200], [59995, 400], [59990, 800]],
      asks: [[60000.1, 50], [60001, 100], [60002, 200], [60005, 400], [60010, 800]],
    },
  },
  {
    instId: 'ETH-USDT-SWAP', instType: 'SWAP', baseCcy: 'ETH', quoteCcy: 'USDT', settleCcy: 'USDT',
    ctVal: 0.1, tickSz: 0.01, lotSz: 1, minSz: 1, maxLever: 100, price: 3000,
    book: {
      bids: [[2999.99, 50], [2999.9, 100], [2999.8, 200], [2999.5, 400], [2999, 800]],
      asks: [[3000.01, 50], [3000.1, 100], [3000.2, 200], [3000.5, 400], [3001, 800]],
    },
  },
  {
    instId: 'BTC-USDT', instType: 'SPOT', baseCcy: 'BTC', quoteCcy: 'USDT',
    tickSz: 0.1, lotSz: 0.00000001, minSz: 0.00001, price: 60000,
    book: {
      bids: [[59999.9, 0.5], [59999, 1], [59998, 2], [59995, 4], [59990, 8]],
      asks: [[60000.1, 0.5], [60001, 1], [60002, 2], [60005, 4], [60010, 8]],
    },
  },
  {
    instId: 'ETH-USDT', instType: 'SPOT', baseCcy: 'ETH', quoteCcy: 'USDT',
    tickSz: 0.01, lotSz: 0.000001, minSz: 0.0001, price: 3000,
    book: {
      bids: [[2999.99, 5], [2999.9, 10], [2999.8, 20], [2999.5, 40], [2999, 80]],
      asks: [[3000.01, 5], [3000.1, 10], [3000.2, 20], [3000.5, 40], [3001, 80]],
    },
  },
]

/** A few levels each side of `price` when an instrument brings no book of its own. */
export function defaultBook(inst: FakeInstrument): { bids: Level[]; asks: Level[] } {
  if (inst.book) return { bids: inst.book.bids.map((l) => [...l]), asks: inst.book.asks.map((l) => [...l]) }
  const offsets = [1, 10, 20, 50, 100]
  const sizes = [50, 100, 200, 400, 800].map((k) => k * inst.minSz)
  const round = (p: number): number => Number((Math.round(p / inst.tickSz) * inst.tickSz).toFixed(10))
  return {
    bids: offsets.map((o, i) => [round(inst.price - o * inst.tickSz), sizes[i] ?? inst.minSz] as Level),
    asks: offsets.map((o, i) => [round(inst.price + o * inst.tickSz), sizes[i] ?? inst.minSz] as Level),
  }
}

/** Listing time reported for every instrument (a fixed date keeps responses deterministic). */
const LIST_TIME = '1606468572000'

export function instrumentWire(inst: FakeInstrument): Record<string, string> {
  const swap = inst.instType === 'SWAP'
  const family = `${inst.baseCcy}-${inst.quoteCcy}`
  return {
    instType: inst.instType,
    instId: inst.instId,
    uly: swap ? family : '',
    instFamily: swap ? family : '',
    // OKX leaves baseCcy/quoteCcy empty on swaps; ccxt then reads them from uly.
    baseCcy: swap ? '' : inst.baseCcy,
    quoteCcy: swap ? '' : inst.quoteCcy,
    settleCcy: swap ? (inst.settleCcy ?? inst.quoteCcy) : '',
    ctVal: swap ? str(inst.ctVal ?? 1) : '',
    ctMult: swap ? '1' : '',
    ctValCcy: swap ? inst.baseCcy : '',
    ctType: swap ? 'linear' : '',
    optType: '',
    stk: '',
    listTime: LIST_TIME,
    contTdSwTime: LIST_TIME,
    expTime: '',
    lever: swap ? String(inst.maxLever ?? 100) : '',
    tickSz: str(inst.tickSz),
    lotSz: str(inst.lotSz),
    minSz: str(inst.minSz),
    maxLmtSz: swap ? '100000000' : '9999999999',
    maxMktSz: swap ? '100000000' : '1000000',
    maxLmtAmt: '20000000',
    maxMktAmt: '1000000',
    maxTwapSz: '',
    maxIcebergSz: '',
    maxTriggerSz: '',
    maxStopSz: '',
    alias: '',
    state: 'live',
    ruleType: 'normal',
    category: '1',
  }
}

/** Contract value: contracts → base units (1 for spot, where sizes already are base). */
export function ctVal(inst: FakeInstrument): number {
  return inst.instType === 'SWAP' ? (inst.ctVal ?? 1) : 1
}
