import { describe, expect, it } from 'vitest'
import { buildRiskContext, orderExposure, type RiskFacts } from '../../../src/main/core/orders/risk-context'
import type { StoredAccount } from '../../../src/main/ports/account-repository'
import type { JournalEntry } from '../../../src/main/ports/order-journal'
import type { PositionView } from '../../../src/main/core/portfolio'
import { evaluateIntent } from '../../../src/main/core/risk'
import { DEFAULT_RISK_CONFIG } from '../../../src/shared/domain/risk'
import { BTC_SWAP, ETH_SPOT, NOW, SYMBOL, ladder, makeIntent } from '../risk/fixtures'

const account: StoredAccount = { id: 'acc', name: 'A', venue: 'okx', mode: 'paper', pilotId: null, liveEnabled: false, createdAt: 0, startingBalance: 10_000, currency: 'USDT', key: null }

const position: PositionView = {
  accountId: 'acc',
  venue: 'okx',
  symbol: SYMBOL,
  type: 'swap',
  side: 'short',
  contracts: 3,
  size: -0.03,
  entryPrice: 50_000,
  markPrice: 50_100,
  pnlCurrency: 'USDT',
  notional: -1503,
  unrealizedPnl: -3,
  leverageUsed: 0.15,
  realizedPnl: 0,
  fees: 0,
  funding: 0,
}

function entry(overrides: Partial<JournalEntry>): JournalEntry {
  return {
    clientOrderId: 'aiw1',
    intentId: 'intent-9',
    accountId: 'acc',
    venue: 'okx',
    symbol: SYMBOL,
    side: 'buy',
    type: 'limit',
    timeInForce: 'GTC',
    amount: 5,
    price: 49_000,
    postOnly: false,
    reduceOnly: false,
    intent: null,
    status: 'open',
    venueOrderId: 'v1',
    filled: 2,
    averagePrice: 49_000,
    reason: null,
    lastError: null,
    sendAttempts: 1,
    imported: false,
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    expiresAt: null,
    ...overrides,
  }
}

function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  const book = ladder()
  return {
    now: NOW,
    account,
    instruments: [BTC_SWAP, ETH_SPOT],
    quote: { book: { venue: 'okx', symbol: SYMBOL, bids: [...book.bids], asks: [...book.asks], sequence: null, timestamp: book.timestamp }, mark: null, ticker: null },
    mark: { price: 50_000, at: NOW - 200 },
    markOf: (symbol) => (symbol === 'ETH/USDT' ? 3_000 : 50_000),
    equity: 100_000,
    positions: [position],
    openOrders: [entry({}), entry({ clientOrderId: 'aiw2', symbol: 'ETH/USDT', side: 'sell', type: 'market', price: null, amount: 1, filled: 0 }), entry({ clientOrderId: 'aiw3', status: 'filled' })],
    currentLeverage: 3,
    recentIntents: [],
    recentOrderTimestamps: [NOW - 500],
    breakers: { desk: 'active', account: 'reducing', pilot: null },
    ...overrides,
  }
}

describe('the order service’s risk context', () => {
  it('freezes the gathered facts in the shape the risk engine reads', () => {
    const context = buildRiskContext(makeIntent(), facts())
    expect(context.account).toEqual({ id: 'acc', venue: 'okx', mode: 'paper', liveEnabled: false })
    expect(context.instrument).toBe(BTC_SWAP)
    expect(context.knownSymbols).toEqual([SYMBOL, 'ETH/USDT'])
    expect(context.book?.timestamp).toBe(NOW - 100)
    expect(context.mark).toEqual({ markPrice: 50_000, timestamp: NOW - 200 })
    expect(context.positions).toEqual([{ symbol: SYMBOL, side: 'short', contracts: 3, notional: 1503 }])
    // Working orders only, valued by what is left: the limit at its price, the market order at the mark.
    expect(context.openOrders).toEqual([
      { symbol: SYMBOL, side: 'buy', amount: 3, notional: 3 * 0.01 * 49_000 },
      { symbol: 'ETH/USDT', side: 'sell', amount: 1, notional: 3_000 },
    ])
    expect(context).toMatchObject({ equity: 100_000, currentLeverage: 3, recentOrderTimestamps: [NOW - 500], breakers: { desk: 'active', account: 'reducing', pilot: null } })
  })

  it('leaves the instrument out for a symbol the venue does not list, so the engine names the closest ones', () => {
    const intent = makeIntent({ symbol: 'BTC/USD' })
    const context = buildRiskContext(intent, facts())
    expect(context.instrument).toBeNull()
    const verdict = evaluateIntent(intent, context, DEFAULT_RISK_CONFIG)
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'unknown_symbol', message: expect.stringContaining(SYMBOL) }))
  })

  it('judges without market data when none arrived, and without an account when it is unknown', () => {
    const context = buildRiskContext(makeIntent(), facts({ account: null, quote: { book: null, mark: null, ticker: null }, mark: null }))
    expect(context).toMatchObject({ account: null, book: null, mark: null })
    const codes = evaluateIntent(makeIntent(), context, DEFAULT_RISK_CONFIG).reasons.map((r) => r.code)
    expect(codes).toEqual(expect.arrayContaining(['account_unknown', 'market_data_missing']))
  })

  it('values a working order without a price or mark at 0 rather than guessing', () => {
    expect(orderExposure(entry({ type: 'market', price: null, filled: 0 }), 0.01, null)).toEqual({ symbol: SYMBOL, side: 'buy', amount: 5, notional: 0 })
    expect(orderExposure(entry({ filled: 7 }), 0.01, null).amount).toBe(0)
  })
})
