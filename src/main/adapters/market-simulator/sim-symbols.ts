import type { Instrument } from '../../../shared/domain/market'

/** Trading rules and the dynamics of one simulated perpetual. */
export interface SimSymbolSpec {
  symbol: string
  venueSymbol: string
  base: string
  quote: string
  /** Mid price at the simulator's start; the history backfill ends here. */
  startPrice: number
  contractSize: number
  tickSize: number
  stepSize: number
  minSize: number
  maxLeverage: number
  /** Long-run annualised volatility of log returns. */
  annualVol: number
  /** How long a volatility shock takes to fade by half (GARCH persistence). */
  volHalfLifeMs: number
  jumpsPerDay: number
  /** Standard deviation of one jump, as a log return. */
  jumpStdev: number
  /** Loading on the market-wide factor in [0, 1]: makes BTC and ETH move together. */
  marketBeta: number
  tradesPerSecond: number
  /** Median taker trade, in contracts (trade sizes are log-normal around it). */
  medianTradeContracts: number
  /** Typical resting size at one book level, in contracts. */
  levelContracts: number
}

const HOUR = 3_600_000

// Rules follow OKX's BTC-USDT-SWAP and ETH-USDT-SWAP so orders sized for the simulator are also valid there.
export const DEFAULT_SIM_SYMBOLS: readonly SimSymbolSpec[] = [
  {
    symbol: 'BTC/USDT:USDT',
    venueSymbol: 'BTC-USDT-SWAP',
    base: 'BTC',
    quote: 'USDT',
    startPrice: 65_000,
    contractSize: 0.01,
    tickSize: 0.1,
    stepSize: 0.01,
    minSize: 0.01,
    maxLeverage: 100,
    annualVol: 0.6,
    volHalfLifeMs: 6 * HOUR,
    jumpsPerDay: 3,
    jumpStdev: 0.004,
    marketBeta: 0.85,
    tradesPerSecond: 6,
    medianTradeContracts: 2,
    levelContracts: 40,
  },
  {
    symbol: 'ETH/USDT:USDT',
    venueSymbol: 'ETH-USDT-SWAP',
    base: 'ETH',
    quote: 'USDT',
    startPrice: 3_200,
    contractSize: 0.1,
    tickSize: 0.01,
    stepSize: 0.01,
    minSize: 0.01,
    maxLeverage: 100,
    annualVol: 0.75,
    volHalfLifeMs: 6 * HOUR,
    jumpsPerDay: 3,
    jumpStdev: 0.005,
    marketBeta: 0.8,
    tradesPerSecond: 4,
    medianTradeContracts: 5,
    levelContracts: 120,
  },
]

export function toInstrument(venue: string, spec: SimSymbolSpec): Instrument {
  return {
    venue,
    symbol: spec.symbol,
    venueSymbol: spec.venueSymbol,
    type: 'swap',
    base: spec.base,
    quote: spec.quote,
    settle: spec.quote,
    contractSize: spec.contractSize,
    tickSize: spec.tickSize,
    stepSize: spec.stepSize,
    minSize: spec.minSize,
    maxSize: null,
    minNotional: null,
    maxLeverage: spec.maxLeverage,
    active: true,
  }
}
