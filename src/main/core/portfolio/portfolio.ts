import type { Instrument } from '../../../shared/domain/market'
import type { Fill } from '../../../shared/domain/order'
import { type AccountBook, bookAdjustment, bookFill, bookFunding, openAccountBook } from './account-book'
import { type EquityCurve, createEquityCurve } from './equity-curve'
import type { RoundTripStats } from './round-trips'
import type {
  AccountSnapshot,
  CashAdjustment,
  CurrencyView,
  FillResult,
  FundingPayment,
  MarkInput,
  OpenAccountInput,
  PortfolioOptions,
  PortfolioSnapshot,
  PositionView,
} from './types'
import { type AccountValuation, type MoneyFigures, addFigures, pointOf, toCurrencyView, valueAccount } from './valuation'

/** An equity curve as readers see it: they cannot record into the portfolio's own curves. */
export type EquityCurveView = Omit<EquityCurve, 'record' | 'shift'>

/**
 * Balances, positions and PnL of every account, derived only from what the
 * venues report (fills, funding, cash adjustments) and the marks given.
 * Deterministic and free of I/O and clocks: every call that changes equity
 * carries its time, and the equity curves are recorded after each one, so
 * drawdowns and day PnL are exact, not sampled.
 */
export interface Portfolio {
  openAccount(input: OpenAccountInput): void
  hasAccount(accountId: string): boolean
  /** Books a fill once; a trade id seen before returns {applied: false}. */
  applyFill(accountId: string, fill: Fill, instrument: Instrument): FillResult
  /** Returns false for a funding time of the symbol already booked. */
  applyFunding(accountId: string, payment: FundingPayment): boolean
  /** Returns false for an adjustment id already booked. */
  applyAdjustment(accountId: string, adjustment: CashAdjustment): boolean
  /** Marks of one venue's symbols (the accounts' venue, e.g. 'paper', whatever feed priced them). */
  markToMarket(venue: string, marks: Iterable<MarkInput>, at: number): void
  /** Everything, as of `at`: a new trading day starts here if `at` is past the boundary. */
  snapshot(at: number): PortfolioSnapshot
  /** One account as of its last recorded change; only snapshot(at) moves time on (and rolls the day). */
  account(accountId: string): AccountSnapshot
  positions(accountId: string): PositionView[]
  roundTrips(accountId: string): RoundTripStats
  curve(accountId: string, currency: string): EquityCurveView | null
  totalCurve(currency: string): EquityCurveView | null
}

export function createPortfolio(options: PortfolioOptions = {}): Portfolio {
  const curveOptions = {
    intervalMs: options.curveIntervalMs ?? 60_000,
    maxPoints: options.curveMaxPoints ?? 10_000,
    dayBoundaryOffsetMs: options.dayBoundaryOffsetMs ?? 0,
  }
  createEquityCurve(curveOptions) // fails at wiring time on a bad option, not on the first fill
  const accounts = new Map<string, AccountBook>()
  const marks = new Map<string, Map<string, number>>()
  const curves = new Map<string, EquityCurve>()
  const totals = new Map<string, EquityCurve>()

  const bookOf = (accountId: string): AccountBook => {
    const book = accounts.get(accountId)
    if (!book) throw new RangeError(`unknown account ${accountId}; open it first (known: ${[...accounts.keys()].join(', ') || 'none'})`)
    return book
  }
  const value = (book: AccountBook): AccountValuation => {
    const venueMarks = marks.get(book.venue)
    return valueAccount(book, (symbol) => venueMarks?.get(symbol) ?? null)
  }
  // A curve first seen now starts from 0 at `at`, so its first value counts as a change, not as the day's open.
  const curveIn = (map: Map<string, EquityCurve>, key: string, at: number): EquityCurve => {
    let curve = map.get(key)
    if (!curve) {
      curve = createEquityCurve(curveOptions)
      curve.record({ at, equity: 0, balance: 0, unrealized: 0 })
      map.set(key, curve)
    }
    return curve
  }
  const keyOf = (accountId: string, currency: string): string => `${accountId}|${currency}`

  // Totals per currency over every account; no conversion between currencies.
  const sumAccounts = (): MoneyFigures[] => {
    const sums = new Map<string, MoneyFigures>()
    for (const book of accounts.values()) {
      for (const figures of value(book).money) {
        const sum = sums.get(figures.currency)
        sums.set(figures.currency, sum ? addFigures(sum, figures) : figures)
      }
    }
    return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  }
  const recordTotals = (at: number): void => {
    for (const figures of sumAccounts()) curveIn(totals, figures.currency, at).record(pointOf(figures, at))
  }
  const record = (books: Iterable<AccountBook>, at: number): void => {
    for (const book of books) for (const figures of value(book).money) curveIn(curves, keyOf(book.id, figures.currency), at).record(pointOf(figures, at))
    recordTotals(at)
  }
  // Capital moving in or out moves the references of the account's and the total curve with it.
  const shift = (accountId: string, currency: string, amount: number, at: number): void => {
    curveIn(curves, keyOf(accountId, currency), at).shift(amount, at)
    curveIn(totals, currency, at).shift(amount, at)
  }
  const accountSnapshot = (book: AccountBook): AccountSnapshot => {
    const valuation = value(book)
    const currencies = valuation.money.map((figures) => toCurrencyView(figures, curves.get(keyOf(book.id, figures.currency))!))
    return { accountId: book.id, venue: book.venue, currencies, positions: valuation.positions, roundTrips: book.roundTrips }
  }
  const totalViews = (): CurrencyView[] => sumAccounts().map((figures) => toCurrencyView(figures, totals.get(figures.currency)!))
  const sortedBooks = (): AccountBook[] => [...accounts.values()].sort((a, b) => a.id.localeCompare(b.id))

  return {
    openAccount(input) {
      if (accounts.has(input.accountId)) throw new RangeError(`account ${input.accountId} is already open`)
      const book = openAccountBook(input)
      accounts.set(book.id, book)
      for (const [currency, amount] of Object.entries(input.startingBalances)) {
        // The account's own curve opens at its starting balance; to the totals it is new capital, not profit.
        const curve = createEquityCurve(curveOptions)
        curve.record({ at: input.openedAt, equity: amount, balance: amount, unrealized: 0 })
        curves.set(keyOf(book.id, currency), curve)
        curveIn(totals, currency, input.openedAt).shift(amount, input.openedAt)
      }
      record([book], input.openedAt)
    },
    hasAccount: (accountId) => accounts.has(accountId),
    applyFill(accountId, fill, instrument) {
      const book = bookOf(accountId)
      const result = bookFill(book, fill, instrument)
      if (result.applied) record([book], fill.timestamp)
      return result
    },
    applyFunding(accountId, payment) {
      const book = bookOf(accountId)
      const applied = bookFunding(book, payment)
      if (applied) record([book], payment.fundingTime)
      return applied
    },
    applyAdjustment(accountId, adjustment) {
      const book = bookOf(accountId)
      const applied = bookAdjustment(book, adjustment)
      if (!applied) return false
      if (adjustment.kind === 'transfer') shift(accountId, adjustment.currency, adjustment.amount, adjustment.at)
      record([book], adjustment.at)
      return true
    },
    markToMarket(venue, input, at) {
      // All checked before any is applied, so a bad batch leaves the marks as they were.
      const batch = [...input]
      const bad = batch.find((mark) => !(mark.markPrice > 0 && Number.isFinite(mark.markPrice)))
      if (bad) throw new RangeError(`mark of ${bad.symbol} must be a positive price, received ${bad.markPrice}`)
      let venueMarks = marks.get(venue)
      if (!venueMarks) marks.set(venue, (venueMarks = new Map()))
      for (const mark of batch) venueMarks.set(mark.symbol, mark.markPrice)
      record([...accounts.values()].filter((book) => book.venue === venue), at)
    },
    snapshot(at) {
      record(accounts.values(), at)
      return { at, accounts: sortedBooks().map(accountSnapshot), totals: totalViews() }
    },
    account: (accountId) => accountSnapshot(bookOf(accountId)),
    positions: (accountId) => value(bookOf(accountId)).positions,
    roundTrips: (accountId) => bookOf(accountId).roundTrips,
    curve: (accountId, currency) => curves.get(keyOf(accountId, currency)) ?? null,
    totalCurve: (currency) => totals.get(currency) ?? null,
  }
}
