import type { AccountBook } from './account-book'
import type { EquityCurve, EquityPoint } from './equity-curve'
import { cashOf } from './ledger'
import { addMoney, roundMoney } from './money'
import { unrealizedPnlOf } from './position-math'
import type { CurrencyView, PositionView } from './types'

/** The additive money figures of one currency (a part of its CurrencyView): they sum across accounts into totals. */
export type MoneyFigures = Pick<
  CurrencyView,
  'currency' | 'starting' | 'transfers' | 'realizedPnl' | 'fees' | 'funding' | 'otherPnl' | 'balance' | 'spotAtCost' | 'unrealizedPnl' | 'equity' | 'grossNotional'
>

export interface AccountValuation {
  positions: PositionView[]
  /** By currency, sorted by currency. */
  money: MoneyFigures[]
}

const ADDITIVE = ['starting', 'transfers', 'realizedPnl', 'fees', 'funding', 'otherPnl', 'balance', 'spotAtCost', 'unrealizedPnl', 'equity', 'grossNotional'] as const

function zero(currency: string): MoneyFigures {
  return { currency, starting: 0, transfers: 0, realizedPnl: 0, fees: 0, funding: 0, otherPnl: 0, balance: 0, spotAtCost: 0, unrealizedPnl: 0, equity: 0, grossNotional: 0 }
}

export function addFigures(a: MoneyFigures, b: MoneyFigures): MoneyFigures {
  const sum = { ...a }
  for (const field of ADDITIVE) sum[field] = addMoney(a[field], b[field])
  return sum
}

/**
 * Values an account at the marks `markOf` knows. A position without a mark
 * is valued at its entry (unrealized 0), the most neutral guess; its view
 * says markPrice null so nobody mistakes it for a valuation.
 */
export function valueAccount(book: AccountBook, markOf: (symbol: string) => number | null): AccountValuation {
  const money = new Map<string, MoneyFigures>()
  const figures = (currency: string): MoneyFigures => {
    let entry = money.get(currency)
    if (!entry) money.set(currency, (entry = zero(currency)))
    return entry
  }
  for (const [currency, ledger] of book.ledgers) {
    Object.assign(figures(currency), { starting: ledger.starting, transfers: ledger.transfers, realizedPnl: ledger.realizedPnl, fees: ledger.fees, funding: ledger.funding, otherPnl: ledger.otherPnl, balance: cashOf(ledger) })
  }
  const positions: PositionView[] = []
  for (const [symbol, entry] of book.symbols) {
    const { rules, position } = entry
    const pnl = figures(rules.pnlCurrency)
    // Spot PnL is not in the ledger (the coins are); it shows in the realized figure of the quote.
    if (rules.type === 'spot') pnl.realizedPnl = addMoney(pnl.realizedPnl, entry.realizedPnl)
    if (position.contracts === 0) continue
    const mark = markOf(symbol)
    const size = position.contracts * rules.contractSize
    const notional = roundMoney(Math.abs(size) * (mark ?? position.entryPrice))
    const unrealizedPnl = mark === null ? 0 : roundMoney(unrealizedPnlOf(position, mark, rules.contractSize))
    pnl.unrealizedPnl = addMoney(pnl.unrealizedPnl, unrealizedPnl)
    pnl.grossNotional = addMoney(pnl.grossNotional, notional)
    if (rules.type === 'spot') {
      pnl.spotAtCost = addMoney(pnl.spotAtCost, size * position.entryPrice)
      const base = figures(rules.base)
      base.spotAtCost = addMoney(base.spotAtCost, -size)
    }
    positions.push({
      accountId: book.id,
      venue: book.venue,
      symbol,
      type: rules.type,
      side: position.contracts > 0 ? 'long' : 'short',
      contracts: Math.abs(position.contracts),
      size,
      entryPrice: position.entryPrice,
      markPrice: mark,
      pnlCurrency: rules.pnlCurrency,
      notional,
      unrealizedPnl,
      realizedPnl: entry.realizedPnl,
      fees: entry.fees,
      funding: entry.funding,
      leverageUsed: null,
    })
  }
  for (const entry of money.values()) entry.equity = roundMoney(entry.balance + entry.spotAtCost + entry.unrealizedPnl)
  for (const view of positions) {
    const equity = money.get(view.pnlCurrency)!.equity
    view.leverageUsed = equity > 0 ? view.notional / equity : null
  }
  positions.sort((a, b) => a.symbol.localeCompare(b.symbol))
  return { positions, money: [...money.values()].sort((a, b) => a.currency.localeCompare(b.currency)) }
}

export function pointOf(figures: MoneyFigures, at: number): EquityPoint {
  return { at, equity: figures.equity, balance: figures.balance, unrealized: figures.unrealizedPnl }
}

/** The view of one currency: its figures plus what only the curve knows (day open, drawdowns). */
export function toCurrencyView(figures: MoneyFigures, curve: EquityCurve): CurrencyView {
  const daily = curve.daily()
  const dayOpenEquity = daily?.open ?? figures.equity
  return {
    ...figures,
    leverage: figures.equity > 0 ? figures.grossNotional / figures.equity : null,
    dayStart: daily?.dayStart ?? 0,
    dayOpenEquity,
    dayPnl: roundMoney(figures.equity - dayOpenEquity),
    totalPnl: roundMoney(figures.equity - figures.starting - figures.transfers),
    drawdown: curve.drawdown(),
    maxDrawdown: curve.maxDrawdown(),
    dailyDrawdown: daily?.fromOpen ?? { amount: 0, pct: 0 },
  }
}
