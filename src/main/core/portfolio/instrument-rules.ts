import type { Instrument, MarketType } from '../../../shared/domain/market'

/** What the portfolio needs of an instrument to book its fills. */
export interface InstrumentRules {
  symbol: string
  type: MarketType
  base: string
  quote: string
  /** Settle currency of a swap, quote currency of spot: PnL and notional are in it. */
  pnlCurrency: string
  contractSize: number
  stepSize: number
}

/**
 * Linear instruments only: a USDT-settled perpetual's PnL is (exit - entry) x
 * size in USDT, but an inverse one (settled in the base, BTC/USD:BTC) needs
 * 1/price arithmetic this portfolio does not do, so it refuses it loudly
 * rather than report wrong numbers.
 */
export function rulesOf(instrument: Instrument): InstrumentRules {
  const pnlCurrency = instrument.type === 'swap' ? (instrument.settle ?? instrument.quote) : instrument.quote
  if (instrument.type === 'swap' && pnlCurrency !== instrument.quote) {
    throw new RangeError(`${instrument.symbol} settles in ${pnlCurrency}, not its quote ${instrument.quote}: inverse contracts are not supported by the portfolio`)
  }
  if (!(instrument.contractSize > 0) || !(instrument.stepSize > 0)) {
    throw new RangeError(`${instrument.symbol} needs a positive contract size and step size, received ${instrument.contractSize} and ${instrument.stepSize}`)
  }
  return {
    symbol: instrument.symbol,
    type: instrument.type,
    base: instrument.base,
    quote: instrument.quote,
    pnlCurrency,
    contractSize: instrument.type === 'spot' ? 1 : instrument.contractSize,
    stepSize: instrument.stepSize,
  }
}
