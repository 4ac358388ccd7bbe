import type { Instrument } from '../../../shared/domain/market'
import type { Fill } from '../../../shared/domain/order'
import { type InstrumentRules, rulesOf } from './instrument-rules'
import { type CurrencyLedger, type LedgerEntry, openLedger, post } from './ledger'
import { addMoney, roundMoney } from './money'
import { FLAT, type NetPosition, applyTrade } from './position-math'
import { type OpenTrip, type RoundTrip, type RoundTripStats, NO_ROUND_TRIPS, addToTrip, closeTrip, countRoundTrip, openTrip } from './round-trips'
import type { CashAdjustment, FillResult, FundingPayment, OpenAccountInput } from './types'

/** Everything booked on one symbol of one account. */
export interface SymbolBook {
  readonly rules: InstrumentRules
  position: NetPosition
  /** Since the account opened, in the PnL currency. */
  realizedPnl: number
  fees: number
  funding: number
  trip: OpenTrip | null
}

/** One account's books: mutable, owned by the portfolio, never handed out. */
export interface AccountBook {
  readonly id: string
  readonly venue: string
  readonly ledgers: Map<string, CurrencyLedger>
  readonly symbols: Map<string, SymbolBook>
  /** Keys of fills, funding times and adjustments already booked: each counts once. */
  readonly seen: Set<string>
  roundTrips: RoundTripStats
}

export function openAccountBook(input: OpenAccountInput): AccountBook {
  const ledgers = new Map<string, CurrencyLedger>()
  for (const [currency, amount] of Object.entries(input.startingBalances)) {
    if (!Number.isFinite(amount)) throw new RangeError(`starting balance of ${currency} must be a finite number, received ${amount}`)
    ledgers.set(currency, openLedger(amount))
  }
  return { id: input.accountId, venue: input.venue, ledgers, symbols: new Map(), seen: new Set(), roundTrips: NO_ROUND_TRIPS }
}

function credit(book: AccountBook, currency: string, entry: LedgerEntry, amount: number): void {
  book.ledgers.set(currency, post(book.ledgers.get(currency) ?? openLedger(0), entry, amount))
}

/** The fee in the position's PnL currency; a base-currency spot fee is valued at the fill price, any other currency left out. */
function feeInPnlCurrency(rules: InstrumentRules, fill: Fill): number {
  if (fill.feeCurrency === rules.pnlCurrency) return fill.fee
  if (rules.type === 'spot' && fill.feeCurrency === rules.base) return roundMoney(fill.fee * fill.price)
  return 0
}

/**
 * A spot fee paid in the coin itself (OKX charges a buy's fee in the coin
 * bought) leaves the holding, at its cost: the holding then matches the coin
 * balance, so no unsellable dust lingers, and the fee shows as a loss in the
 * quote currency, where the rest of the position's PnL is.
 */
function lessCoinFee(position: NetPosition, fee: number): NetPosition {
  if (position.contracts <= 0 || fee === 0) return position
  const contracts = roundMoney(position.contracts - fee)
  return contracts > 0 ? { contracts, entryPrice: position.entryPrice } : FLAT
}

/**
 * Books a fill. The key is venue, symbol and trade id because some venues
 * (OKX) number trades per instrument, so a trade id alone is not unique.
 */
export function bookFill(book: AccountBook, fill: Fill, instrument: Instrument): FillResult {
  if (fill.symbol !== instrument.symbol) throw new RangeError(`fill ${fill.tradeId} is for ${fill.symbol} but the instrument given is ${instrument.symbol}`)
  if (!(fill.price > 0 && fill.amount > 0 && Number.isFinite(fill.price * fill.amount) && Number.isFinite(fill.fee))) {
    throw new RangeError(`fill ${fill.tradeId} needs a positive price and amount and a finite fee, received ${fill.price}, ${fill.amount}, ${fill.fee}`)
  }
  const key = `fill|${fill.venue}|${fill.symbol}|${fill.tradeId}`
  if (book.seen.has(key)) return { applied: false, reason: 'duplicate' }
  book.seen.add(key)

  let symbol = book.symbols.get(fill.symbol)
  if (!symbol) {
    symbol = { rules: rulesOf(instrument), position: FLAT, realizedPnl: 0, fees: 0, funding: 0, trip: null }
    book.symbols.set(fill.symbol, symbol)
  }
  const { rules } = symbol
  const spot = rules.type === 'spot'
  const before = symbol.position
  const outcome = applyTrade(before, fill.side, fill.price, fill.amount, { contractSize: rules.contractSize, stepSize: rules.stepSize, allowShort: !spot })

  credit(book, fill.feeCurrency, 'fees', fill.fee)
  if (spot) {
    const direction = fill.side === 'buy' ? 1 : -1
    credit(book, rules.base, 'tradeFlow', direction * fill.amount)
    credit(book, rules.quote, 'tradeFlow', -direction * fill.amount * fill.price)
  } else {
    credit(book, rules.pnlCurrency, 'realizedPnl', outcome.realizedPnl)
  }
  const fee = feeInPnlCurrency(rules, fill)
  symbol.realizedPnl = addMoney(symbol.realizedPnl, outcome.realizedPnl)
  symbol.fees = addMoney(symbol.fees, fee)
  symbol.position = spot && fill.feeCurrency === rules.base ? lessCoinFee(outcome.position, fill.fee) : outcome.position

  const after = outcome.position.contracts
  const sideAfter = after > 0 ? 'long' : 'short'
  let roundTrip: RoundTrip | null = null
  const endsTrip = before.contracts !== 0 && (after === 0 || Math.sign(after) !== Math.sign(before.contracts))
  if (endsTrip && symbol.trip) {
    // A flip's fee is split by size between the round trip it ends and the one it starts.
    const ended = addToTrip(symbol.trip, { realizedPnl: outcome.realizedPnl, fees: (fee * outcome.closed) / fill.amount })
    roundTrip = closeTrip(fill.symbol, ended, fill.timestamp)
    book.roundTrips = countRoundTrip(book.roundTrips, roundTrip)
    symbol.trip = after === 0 ? null : openTrip(sideAfter, fill.timestamp, (fee * outcome.opened) / fill.amount)
  } else if (symbol.trip) {
    symbol.trip = addToTrip(symbol.trip, { realizedPnl: outcome.realizedPnl, fees: fee })
  } else if (after !== 0) {
    symbol.trip = openTrip(sideAfter, fill.timestamp, fee)
  }
  return { applied: true, realizedPnl: outcome.realizedPnl, closed: outcome.closed, opened: outcome.opened, roundTrip }
}

/** Books one funding settlement, once per symbol and funding time (venues and replays may repeat it). */
export function bookFunding(book: AccountBook, payment: FundingPayment): boolean {
  if (!Number.isFinite(payment.amount)) throw new RangeError(`funding on ${payment.symbol} needs a finite amount, received ${payment.amount}`)
  const key = `funding|${payment.symbol}|${payment.fundingTime}`
  if (book.seen.has(key)) return false
  book.seen.add(key)
  credit(book, payment.currency, 'funding', payment.amount)
  const symbol = book.symbols.get(payment.symbol)
  if (symbol) {
    symbol.funding = addMoney(symbol.funding, payment.amount)
    if (symbol.trip) symbol.trip = addToTrip(symbol.trip, { funding: payment.amount })
  }
  return true
}

export function bookAdjustment(book: AccountBook, adjustment: CashAdjustment): boolean {
  if (!Number.isFinite(adjustment.amount)) throw new RangeError(`adjustment ${adjustment.id} needs a finite amount, received ${adjustment.amount}`)
  const key = `adjustment|${adjustment.id}`
  if (book.seen.has(key)) return false
  book.seen.add(key)
  credit(book, adjustment.currency, adjustment.kind === 'transfer' ? 'transfers' : 'otherPnl', adjustment.amount)
  return true
}
