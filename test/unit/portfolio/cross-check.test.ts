import { describe, expect, it } from 'vitest'
import { createSimulatedExchange, type SimulatedExchange, type SimulatedExchangeOptions } from '../../../src/main/adapters/simulated-exchange/simulated-exchange'
import { createTestClock, type TestClock } from '../../../src/main/core/clock/test-clock'
import { createPortfolio, reconcileBalances, reconcilePositions, type Portfolio } from '../../../src/main/core/portfolio'
import type { BookLevel } from '../../../src/shared/domain/market'
import type { OrderRequest } from '../../../src/shared/domain/order'
import { createScriptedMarket, scriptedInstruments, type ScriptedMarket } from '../../support/scripted-market'

/**
 * The portfolio, fed only what the simulated exchange reports (execution
 * events and account events) and the marks it trades on, must end up with
 * the venue's own positions, average prices and balances, to the cent.
 */
const BTC = 'BTC/USDT:USDT'
const ETH = 'ETH/USDT:USDT'
const START = Date.UTC(2025, 0, 15, 22, 0, 0)
const INSTRUMENTS = new Map(scriptedInstruments('paper').map((i) => [i.symbol, i]))
const CENT = 0.005

interface Rig {
  clock: TestClock
  market: ScriptedMarket
  exchange: SimulatedExchange
  portfolio: Portfolio
  submit(order: Partial<OrderRequest>): Promise<void>
  mark(symbol: string, price: number): void
  settle(ms?: number): Promise<void>
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

async function rig(options: Partial<SimulatedExchangeOptions> = {}, startingUsdt = 10_000): Promise<Rig> {
  const clock = createTestClock(START)
  const market = createScriptedMarket({ clock })
  market.setBook(BTC, [[59990, 50]], [[60010, 50]])
  market.setBook(ETH, [[2999, 500]], [[3001, 500]])
  const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 7, source: market, startingBalances: { USDT: startingUsdt }, ...options })
  const portfolio = createPortfolio({ curveIntervalMs: 1000 })
  portfolio.openAccount({ accountId: 'paper-1', venue: 'paper', startingBalances: { USDT: startingUsdt }, openedAt: clock.now() })
  // The wiring the kernel will do: fills and account events in, marks in.
  exchange.execution.onEvent((event) => {
    if ('fill' in event) portfolio.applyFill('paper-1', event.fill, INSTRUMENTS.get(event.fill.symbol)!)
  })
  exchange.onAccountEvent((event) => {
    if (event.type === 'funding') portfolio.applyFunding('paper-1', event.payment)
    else if (event.report.deficit > 0) {
      const { report } = event
      portfolio.applyAdjustment('paper-1', { id: `liquidation|${report.currency}|${report.timestamp}`, currency: report.currency, amount: report.deficit, kind: 'pnl', at: report.timestamp })
    }
  })
  await exchange.watch([BTC, ETH])
  let counter = 0
  const settle = async (ms = 0): Promise<void> => {
    await flush()
    clock.advance(ms)
    await flush()
  }
  return {
    clock,
    market,
    exchange,
    portfolio,
    async submit(order) {
      const request: OrderRequest = { clientOrderId: `x${++counter}`, symbol: BTC, side: 'buy', type: 'market', amount: 1, price: null, timeInForce: 'IOC', postOnly: false, reduceOnly: false, ...order }
      await exchange.execution.submit(request)
      await settle()
    },
    mark(symbol, price) {
      market.setMark(symbol, price)
      portfolio.markToMarket('paper', [{ symbol, markPrice: price }], clock.now())
    },
    settle,
  }
}

/** Checks the portfolio against the venue's own answers. */
async function expectAgreement(r: Rig): Promise<void> {
  const venuePositions = await r.exchange.execution.positions()
  const venueBalances = await r.exchange.execution.balances()
  const local = r.portfolio.positions('paper-1')
  expect(reconcilePositions(local, venuePositions, { contracts: 0, entryPricePct: 1e-9 })).toEqual([])
  for (const position of venuePositions) {
    const ours = local.find((p) => p.symbol === position.symbol)!
    expect(Math.abs(ours.unrealizedPnl - position.unrealizedPnl)).toBeLessThan(CENT)
  }
  const usdt = r.portfolio.account('paper-1').currencies.find((c) => c.currency === 'USDT')!
  expect(reconcileBalances([usdt], venueBalances, { compare: 'equity', tolerance: CENT })).toEqual([])
  const venueWallet = venueBalances.find((b) => b.currency === 'USDT')!.total - venuePositions.reduce((sum, p) => sum + p.unrealizedPnl, 0)
  expect(Math.abs(usdt.balance - venueWallet)).toBeLessThan(CENT)
  // The venue does not report realized PnL; it is what the wallet moved beyond fees and funding.
  const fills = await r.exchange.execution.fillsSince(0)
  const fees = fills.reduce((sum, f) => sum + f.fee, 0)
  const funding = r.exchange.accountEvents().reduce((sum, e) => sum + (e.type === 'funding' ? e.payment.amount : 0), 0)
  const deficits = r.exchange.accountEvents().reduce((sum, e) => sum + (e.type === 'liquidation' ? e.report.deficit : 0), 0)
  expect(Math.abs(usdt.fees - fees)).toBeLessThan(CENT)
  expect(Math.abs(usdt.funding - funding)).toBeLessThan(CENT)
  expect(Math.abs(usdt.realizedPnl - (venueWallet - usdt.starting - funding + fees - deficits))).toBeLessThan(CENT)
}

describe('portfolio cross-check with the simulated exchange', () => {
  it('agrees on positions, average prices, realized PnL and balance through a scripted session', async () => {
    const r = await rig({ fees: { maker: -0.0001, taker: 0.0005 } })
    const deep = (bid: number, ask: number): BookLevel[][] => [[[bid, 50], [bid - 10, 50]], [[ask, 5], [ask + 10, 50]]]

    // Open long by walking two levels, then add as maker with a rebate.
    r.market.setBook(BTC, ...(deep(59990, 60010) as [BookLevel[], BookLevel[]]))
    await r.submit({ amount: 7 })
    await r.submit({ type: 'limit', price: 59995, amount: 4, timeInForce: 'GTC' })
    r.market.printTrade(BTC, 59990, 10, 'sell')
    await r.settle()
    // Partial close, funding at a positive rate (the long pays), a short on ETH.
    await r.submit({ side: 'sell', amount: 3 })
    r.mark(BTC, 60100)
    r.market.setFunding(BTC, 0.0001, r.clock.now() + 1000)
    await r.settle(1000)
    await r.submit({ symbol: ETH, side: 'sell', amount: 25 })
    r.mark(ETH, 3012.37)
    await expectAgreement(r)

    // Flip the long into a short past UTC midnight, then funding at a negative rate (the short pays).
    r.market.setBook(BTC, [[60490, 100]], [[60510, 100]])
    await r.settle(2 * 3_600_000)
    await r.submit({ side: 'sell', amount: 15 })
    r.mark(BTC, 60433.3)
    r.market.setFunding(BTC, -0.00025, r.clock.now() + 500)
    r.market.setFunding(ETH, 0.0003, r.clock.now() + 500)
    await r.settle(500)
    await r.submit({ symbol: ETH, side: 'buy', amount: 10 })
    r.mark(ETH, 2987.11)
    await expectAgreement(r)
    const fills = await r.exchange.execution.fillsSince(0)
    expect(fills.filter((f) => f.liquidity === 'maker').map((f) => [f.price, f.amount, f.fee < 0])).toEqual([[59995, 4, true]])
    expect(r.exchange.accountEvents().map((e) => (e.type === 'funding' ? Math.sign(e.payment.amount) : 0))).toEqual([-1, -1, 1])
    expect(r.portfolio.positions('paper-1').map((p) => [p.symbol, p.side, p.contracts])).toEqual([
      [BTC, 'short', 7],
      [ETH, 'short', 15],
    ])

    // Replaying every fill (as after a reconnect) changes nothing.
    for (const fill of await r.exchange.execution.fillsSince(0)) expect(r.portfolio.applyFill('paper-1', fill, INSTRUMENTS.get(fill.symbol)!).applied).toBe(false)
    await expectAgreement(r)

    // Close everything: the portfolio's realized PnL is the whole story, and it is flat like the venue.
    await r.submit({ side: 'buy', amount: 7 })
    await r.submit({ symbol: ETH, side: 'buy', amount: 15 })
    await expectAgreement(r)
    expect(r.portfolio.positions('paper-1')).toEqual([])
    const snapshot = r.portfolio.snapshot(r.clock.now())
    const usdt = snapshot.accounts[0]!.currencies[0]!
    expect(usdt.dayStart).toBe(Date.UTC(2025, 0, 16))
    expect(snapshot.accounts[0]!.roundTrips.wins + snapshot.accounts[0]!.roundTrips.losses + snapshot.accounts[0]!.roundTrips.breakevens).toBe(3)
  })

  it('agrees after a liquidation whose deficit the venue absorbed', async () => {
    const r = await rig({ defaultLeverage: 100 }, 100)
    await r.submit({ amount: 10 })
    r.mark(BTC, 59500)
    await r.settle()
    await expectAgreement(r)
    r.mark(BTC, 50000)
    await r.settle()
    expect(r.exchange.accountEvents()).toMatchObject([{ type: 'liquidation' }])
    await expectAgreement(r)
    const usdt = r.portfolio.account('paper-1').currencies[0]!
    expect(usdt).toMatchObject({ balance: 0, equity: 0, totalPnl: -100 })
    // The mark went through the liquidation price before the venue closed it: equity was below zero for a moment.
    expect(usdt.maxDrawdown.pct).toBeGreaterThan(100)
    expect(r.portfolio.roundTrips('paper-1')).toMatchObject({ losses: 1, consecutiveLosses: 1 })
  })
})
