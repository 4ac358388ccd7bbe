/**
 * OKX JSON for private data: orders, fills, positions, balances. Field names
 * follow the OKX v5 docs; ccxt's okx.parseOrder / parseTrade / parsePosition /
 * parseTradingBalance read a subset of them. Every value is a string, as on OKX.
 */
import { type Account, MMR_RATE } from './account'
import { ctVal } from './instruments'
import type { MarketData } from './market'
import { fix, str } from './num'
import type { FakeFill, FakeOrder, FakePosition } from './types'

export const UID = '44705892343619584'

/**
 * REST (`push` false): the fill fields describe the order's latest fill, as in OKX's "last filled" fields.
 * WS push (`push` true): they describe the fill that caused this push, and are empty ('0'/'') on pushes
 * that are not fills (placed, amended, canceled), so a tradeId appears on exactly one push.
 */
export function orderWire(o: FakeOrder, fill: FakeFill | null = null, push = false): Record<string, string> {
  const last = push ? fill : (fill ?? o.fills[o.fills.length - 1] ?? null)
  return {
    instType: o.instType,
    instId: o.instId,
    tgtCcy: o.tgtCcy,
    ccy: '',
    ordId: o.ordId,
    clOrdId: o.clOrdId,
    tag: o.tag,
    px: o.px === null ? '' : str(o.px),
    pxUsd: '',
    pxVol: '',
    pxType: '',
    sz: str(o.sz),
    notionalUsd: '',
    pnl: str(o.pnl),
    ordType: o.ordType,
    side: o.side,
    posSide: o.instType === 'SWAP' ? 'net' : '',
    tdMode: o.tdMode,
    accFillSz: str(o.accFillSz),
    fillPx: last ? str(last.fillPx) : '',
    tradeId: last ? last.tradeId : '',
    fillSz: last ? str(last.fillSz) : '0',
    fillTime: last ? String(last.ts) : '',
    fillFee: last ? str(last.fee) : '0',
    fillFeeCcy: last ? last.feeCcy : '',
    fillPnl: last ? str(last.fillPnl) : '0',
    execType: last ? last.execType : '',
    avgPx: o.accFillSz > 0 ? str(o.avgPx) : '',
    state: o.state,
    stpId: '',
    stpMode: 'cancel_maker',
    lever: o.lever ? String(o.lever) : '',
    attachAlgoClOrdId: '',
    tpTriggerPx: '',
    tpTriggerPxType: '',
    tpOrdPx: '',
    slTriggerPx: '',
    slTriggerPxType: '',
    slOrdPx: '',
    attachAlgoOrds: '',
    feeCcy: o.feeCcy,
    fee: str(o.fee),
    rebateCcy: o.feeCcy,
    rebate: '0',
    source: '',
    category: 'normal',
    reduceOnly: o.reduceOnly ? 'true' : 'false',
    isTpLimit: 'false',
    cancelSource: o.cancelSource,
    cancelSourceReason: cancelReason(o.cancelSource),
    quickMgnType: '',
    algoClOrdId: '',
    algoId: '',
    uTime: String(o.uTime),
    cTime: String(o.cTime),
  }
}

function cancelReason(source: string): string {
  switch (source) {
    case '1': return 'Order canceled by user'
    case '13': return 'FOK order was canceled due to incompletely filled'
    case '14': return 'IOC order was partially canceled due to incompletely filled'
    case '20': return 'Cancel all after triggered'
    case '31': return 'The post-only order will take liquidity in taker orders'
    default: return ''
  }
}

/** GET /trade/fills and /trade/fills-history rows. */
export function fillWire(f: FakeFill): Record<string, string> {
  return {
    instType: f.instType,
    instId: f.instId,
    tradeId: f.tradeId,
    ordId: f.ordId,
    clOrdId: f.clOrdId,
    billId: f.billId,
    subType: f.side === 'buy' ? '1' : '2',
    tag: '',
    fillPx: str(f.fillPx),
    fillSz: str(f.fillSz),
    fillIdxPx: '',
    fillPnl: str(f.fillPnl),
    fillPxVol: '',
    fillPxUsd: '',
    fillMarkVol: '',
    fillFwdPx: '',
    fillMarkPx: '',
    side: f.side,
    posSide: f.instType === 'SWAP' ? 'net' : '',
    execType: f.execType,
    feeCcy: f.feeCcy,
    fee: str(f.fee),
    ts: String(f.ts),
    fillTime: String(f.ts),
    feeRate: f.execType === 'T' ? '-0.0005' : '-0.0002',
  }
}

export function positionWire(p: FakePosition, markets: MarketData): Record<string, string> {
  const m = markets.must(p.instId)
  const notional = fix(Math.abs(p.pos) * ctVal(m.inst) * p.markPx)
  const imr = fix(notional / p.lever)
  return {
    instType: 'SWAP',
    instId: p.instId,
    mgnMode: p.mgnMode,
    posId: `${p.instId.length}${p.cTime}`,
    posSide: 'net',
    pos: str(p.pos),
    baseBal: '',
    quoteBal: '',
    posCcy: '',
    availPos: str(Math.abs(p.pos)),
    avgPx: p.pos === 0 ? '' : str(p.avgPx),
    markPx: str(p.markPx),
    upl: str(p.upl),
    uplRatio: imr > 0 ? str(fix(p.upl / imr)) : '0',
    uplLastPx: str(p.upl),
    lever: String(p.lever),
    liqPx: '',
    imr: p.mgnMode === 'cross' ? str(imr) : '',
    margin: p.mgnMode === 'isolated' ? str(imr) : '',
    mgnRatio: '',
    mmr: str(fix(notional * MMR_RATE)),
    liab: '',
    liabCcy: '',
    interest: '0',
    tradeId: '',
    optVal: '',
    notionalUsd: str(notional),
    adl: '1',
    ccy: m.inst.settleCcy ?? m.inst.quoteCcy,
    last: str(m.last),
    idxPx: str(p.markPx),
    usdPx: '',
    bePx: '',
    deltaBS: '',
    deltaPA: '',
    gammaBS: '',
    gammaPA: '',
    thetaBS: '',
    thetaPA: '',
    vegaBS: '',
    vegaPA: '',
    realizedPnl: str(p.realizedPnl),
    pnl: str(p.realizedPnl),
    fee: '0',
    fundingFee: '0',
    liqPenalty: '0',
    closeOrderAlgo: '',
    cTime: String(p.cTime),
    uTime: String(p.uTime),
    bizRefId: '',
    bizRefType: '',
  } as Record<string, string>
}

/** One element of GET /account/balance `data` (also the WS 'account' push). */
export function balanceWire(account: Account, markets: MarketData, ccys?: string[]): Record<string, unknown> {
  const wanted = ccys && ccys.length > 0 ? ccys : account.currencies()
  // USD valuation through the spot markets' last price (USDT counted as 1 USD).
  const usd = (ccy: string): number => (ccy === 'USDT' || ccy === 'USD' ? 1 : (markets.get(`${ccy}-USDT`)?.last ?? 0))
  const details = wanted.map((ccy) => {
    const d = account.detail(ccy)
    return {
      ccy,
      eq: str(d.eq),
      cashBal: str(d.cashBal),
      uTime: String(account.uTime),
      isoEq: '0',
      availEq: str(d.availEq),
      disEq: str(d.eq),
      fixedBal: '0',
      availBal: str(d.availEq),
      frozenBal: str(fix(d.eq - d.availEq)),
      ordFrozen: str(d.ordFrozen),
      liab: '0',
      upl: str(d.upl),
      uplLiab: '0',
      crossLiab: '0',
      isoLiab: '0',
      mgnRatio: '',
      interest: '0',
      twap: '0',
      maxLoan: '',
      eqUsd: str(fix(d.eq * usd(ccy))),
      borrowFroz: '0',
      notionalLever: '',
      stgyEq: '0',
      isoUpl: '0',
      spotInUseAmt: '',
      spotIsoBal: '0',
      imr: str(d.imr),
      mmr: str(d.mmr),
    }
  })
  const totalImr = details.reduce((s, d) => s + Number(d.imr), 0)
  const totalMmr = details.reduce((s, d) => s + Number(d.mmr), 0)
  return {
    adjEq: '',
    borrowFroz: '',
    details,
    imr: str(totalImr),
    isoEq: '0',
    mgnRatio: '',
    mmr: str(totalMmr),
    notionalUsd: '',
    ordFroz: '',
    totalEq: str(fix(details.reduce((s, d) => s + Number(d.eqUsd), 0))),
    uTime: String(account.uTime),
    upl: str(details.reduce((s, d) => s + Number(d.upl), 0)),
  }
}
