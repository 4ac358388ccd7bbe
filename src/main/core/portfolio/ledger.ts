import { addMoney, roundMoney } from './money'

/**
 * Cash of one account in one currency, kept as the sum of where it came
 * from so every figure (fees paid, funding, realized PnL) is reported
 * without being re-derived. All amounts rounded to 1e-8 (see money.ts).
 */
export interface CurrencyLedger {
  readonly starting: number
  /** Deposits minus withdrawals after opening: capital, not PnL. */
  readonly transfers: number
  /** Realized PnL of derivatives settled in this currency (spot PnL is in tradeFlow). */
  readonly realizedPnl: number
  /** Fees paid in this currency; rebates make it smaller, possibly negative. */
  readonly fees: number
  /** Funding received minus funding paid. */
  readonly funding: number
  /** Credits and debits that are PnL but no fill or funding: e.g. a liquidation deficit the venue absorbed. */
  readonly otherPnl: number
  /** Spot: base bought minus sold in the base currency, quote received minus paid in the quote currency. */
  readonly tradeFlow: number
}

export type LedgerEntry = Exclude<keyof CurrencyLedger, 'starting'>

export function openLedger(starting: number): CurrencyLedger {
  return { starting: roundMoney(starting), transfers: 0, realizedPnl: 0, fees: 0, funding: 0, otherPnl: 0, tradeFlow: 0 }
}

export function post(ledger: CurrencyLedger, entry: LedgerEntry, amount: number): CurrencyLedger {
  return { ...ledger, [entry]: addMoney(ledger[entry], amount) }
}

/** Wallet balance: what the venue would show as cash, before unrealized PnL. */
export function cashOf(ledger: CurrencyLedger): number {
  return roundMoney(ledger.starting + ledger.transfers + ledger.realizedPnl - ledger.fees + ledger.funding + ledger.otherPnl + ledger.tradeFlow)
}
