import { afterEach, describe, expect, it, vi } from 'vitest'
import { Account } from '../../support/fake-okx/account'
import { OrderBook } from '../../support/fake-okx/book'
import { bucket, CandleStore, parseBar } from '../../support/fake-okx/candles'
import { DeadManSwitch } from '../../support/fake-okx/dead-man'
import { createEvents, Ids } from '../../support/fake-okx/events'
import { FaultState } from '../../support/fake-okx/faults'
import { DEFAULT_INSTRUMENTS } from '../../support/fake-okx/instruments'
import { MarketData } from '../../support/fake-okx/market'
import { Matching } from '../../support/fake-okx/matching'
import { str } from '../../support/fake-okx/num'

/** The model without any transport, for arithmetic that is awkward to reach through ccxt. */
function model(balances: Record<string, number> = { USDT: 100_000, BTC: 1 }) {
  const events = createEvents()
  const ids = new Ids()
  const faults = new FaultState()
  const markets = new MarketData(DEFAULT_INSTRUMENTS, events, ids, 0)
  let matching: Matching | null = null
  const account = new Account(balances, markets, () => matching?.open() ?? [])
  matching = new Matching(markets, account, events, ids, faults)
  return { events, markets, account, matching, faults }
}

describe('fake OKX model', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('net position: averaging in, partial close, flip; PnL and fees land in USDT', () => {
    const { markets, account, matching } = model()
    const swap = markets.must('BTC-USDT-SWAP')
    const fill = (side: 'buy' | 'sell', px: number, sz: number) => account.applyFill(swap.inst, side, px, sz, 0.0005, 'cross')
    fill('buy', 60000, 10)
    fill('buy', 62000, 10)
    expect(account.position('BTC-USDT-SWAP')).toMatchObject({ pos: 20, avgPx: 61000 })
    const close = fill('sell', 63000, 30) // closes 20 (+2000 * 20 * 0.01 = 400) and opens 10 short at 63000
    expect(close.pnl).toBeCloseTo(400, 9)
    expect(account.position('BTC-USDT-SWAP')).toMatchObject({ pos: -10, avgPx: 63000, realizedPnl: 400 })
    const fees = (60000 * 10 + 62000 * 10 + 63000 * 30) * 0.01 * 0.0005
    expect(account.cashOf('USDT')).toBeCloseTo(100_000 + 400 - fees, 9)
    markets.setMarkPrice('BTC-USDT-SWAP', 62000)
    expect(account.upl('BTC-USDT-SWAP')).toBeCloseTo(100, 9) // short 10 from 63000, mark 62000
    expect(matching.all()).toEqual([])
  })

  it('order book: deltas list changed and removed levels; a requested gap skips exactly one seqId', () => {
    const book = new OrderBook([[100, 1], [99, 2]], [[101, 1]])
    const start = book.seqId
    const d1 = book.replace([[100, 3]], [[101, 1]])
    expect(d1).toMatchObject({ prevSeqId: start, seqId: start + 1, asks: [] })
    expect(d1?.bids).toEqual(expect.arrayContaining([[99, 0], [100, 3]]))
    expect(book.replace([[100, 3]], [[101, 1]])).toBeNull() // no change, no push
    book.requestGap()
    const d2 = book.replace([[100, 4]], [[101, 1]])
    expect(d2).toMatchObject({ prevSeqId: start + 2, seqId: start + 3 })
    expect(book.quote('buy', 5, null)).toEqual([[101, 1]])
    expect(book.quote('sell', 10, 100.5)).toEqual([])
  })

  it('candles: OKX bars align to UTC or Hong Kong time and aggregate 1m candles', () => {
    expect(parseBar('1m')).toEqual({ ms: 60_000, offset: 0 })
    expect(parseBar('1Dutc')).toEqual({ ms: 86_400_000, offset: 0 })
    expect(parseBar('1D')?.offset).toBe(-8 * 3_600_000)
    expect(parseBar('1Hutc')).toBeNull()
    expect(parseBar('1M')).toBeNull()
    const week = parseBar('1Wutc')
    if (!week) throw new Error('1Wutc')
    expect(new Date(bucket(Date.UTC(2024, 0, 10, 12), week)).toISOString()).toBe('2024-01-08T00:00:00.000Z') // a Monday

    const store = new CandleStore(0.01)
    const t0 = Date.UTC(2024, 0, 1, 0, 0, 10)
    store.addTrade(t0, 100, 2)
    store.addTrade(t0 + 20_000, 105, 1)
    store.addTrade(t0 + 60_000, 95, 4)
    const fiveMin = store.bars({ ms: 300_000, offset: 0 })
    expect(fiveMin).toEqual([{ ts: Date.UTC(2024, 0, 1), o: 100, h: 105, l: 95, c: 95, vol: 7, volBase: 0.07, volQuote: expect.closeTo(6.85, 9) }])
  })

  it('the dead-man switch cancels every open order when it fires (cancelSource 20)', () => {
    vi.useFakeTimers()
    const { matching } = model()
    const dms = new DeadManSwitch(() => matching.cancelAll('20'))
    matching.place({ instId: 'BTC-USDT-SWAP', side: 'buy', ordType: 'limit', tdMode: 'cross', sz: '1', px: '59000', clOrdId: 'a1' })
    matching.place({ instId: 'BTC-USDT', side: 'sell', ordType: 'limit', tdMode: 'cash', sz: '0.1', px: '61000', clOrdId: 'a2' })
    expect(() => dms.set(5)).toThrow(RangeError)
    dms.set(10)
    vi.advanceTimersByTime(9_999)
    expect(matching.open()).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(matching.open()).toHaveLength(0)
    expect(matching.all().map((o) => o.cancelSource)).toEqual(['20', '20'])
    expect(dms.current()).toBeNull()
  })

  it('order validation answers OKX sCodes', () => {
    const { matching } = model()
    const place = (o: Record<string, unknown>) => matching.place({ instId: 'BTC-USDT-SWAP', side: 'buy', ordType: 'limit', tdMode: 'cross', sz: '1', px: '59000', ...o }).sCode
    expect(place({ instId: 'XRP-USDT' })).toBe('51001')
    expect(place({ sz: '1.5' })).toBe('51121')
    expect(place({ px: '59000.05' })).toBe('51000')
    expect(place({ tdMode: 'cash' })).toBe('51000')
    expect(place({ posSide: 'long' })).toBe('51000')
    expect(place({ clOrdId: 'has-dash' })).toBe('51000')
    expect(place({ reduceOnly: true })).toBe('51169')
    expect(place({ instId: 'BTC-USDT', tdMode: 'cash', sz: '0.1', reduceOnly: true })).toBe('51139')
    expect(place({ clOrdId: 'ok1' })).toBe('0')
    expect(place({ clOrdId: 'ok1' })).toBe('51016')
    expect(matching.all()).toHaveLength(1)
  })

  it('formats numbers like OKX: no exponent, no float noise', () => {
    expect(str(0.00000001)).toBe('0.00000001')
    expect(str(0.1 + 0.2)).toBe('0.3')
    expect(str(60000.1)).toBe('60000.1')
    expect(str(-0)).toBe('0')
  })
})
