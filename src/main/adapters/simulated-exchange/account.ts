import type { Instrument, MarketSymbol } from '../../../shared/domain/market'

/** Settle currency of an instrument: USDT for 'BTC/USDT:USDT'. */
export function settleCurrencyOf(instrument: Instrument): string {
  return instrument.settle ?? instrument.quote
}

/**
 * Cash per currency (the wallet balance: deposits, realized PnL, fees and
 * funding; unrealized PnL is not in it) and leverage per symbol.
 */
export interface Account {
  wallet(currency: string): number
  credit(currency: string, amount: number): void
  currencies(): string[]
  leverage(instrument: Instrument): number
  maxLeverage(instrument: Instrument): number
  /** Sets the leverage of a symbol; returns the previous one so a caller can undo it. */
  setLeverage(instrument: Instrument, leverage: number): number
}

export interface AccountOptions {
  startingBalances: Readonly<Record<string, number>>
  defaultLeverage: number
  maxLeverage: number
}

export function createAccount(options: AccountOptions): Account {
  const wallets = new Map<string, number>(Object.entries(options.startingBalances))
  const leverages = new Map<MarketSymbol, number>()

  // A venue never lends more than the instrument allows, whatever we were configured with.
  const maxLeverage = (instrument: Instrument): number => Math.min(options.maxLeverage, instrument.maxLeverage ?? Infinity)

  return {
    wallet: (currency) => wallets.get(currency) ?? 0,
    credit(currency, amount) {
      wallets.set(currency, (wallets.get(currency) ?? 0) + amount)
    },
    currencies: () => [...wallets.keys()],
    leverage: (instrument) => leverages.get(instrument.symbol) ?? Math.min(options.defaultLeverage, maxLeverage(instrument)),
    maxLeverage,
    setLeverage(instrument, leverage) {
      const previous = leverages.get(instrument.symbol) ?? Math.min(options.defaultLeverage, maxLeverage(instrument))
      leverages.set(instrument.symbol, leverage)
      return previous
    },
  }
}
