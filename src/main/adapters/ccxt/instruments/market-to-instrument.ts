import type { MarketInterface } from 'ccxt'
import type { Instrument, MarketType } from '../../../../shared/domain/market'

/** ccxt's precision modes (ccxt/js/src/base/functions/number.js). */
export const DECIMAL_PLACES = 2
export const SIGNIFICANT_DIGITS = 3
export const TICK_SIZE = 4

/**
 * ccxt reports precision either as the increment itself (TICK_SIZE, most
 * venues now) or as a number of decimals (DECIMAL_PLACES). Significant digits
 * say nothing about an increment, so they give no tick at all.
 */
export function precisionToStep(value: number | undefined, precisionMode: number): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null
  switch (precisionMode) {
    case TICK_SIZE:
      return value > 0 ? value : null
    case DECIMAL_PLACES:
      return value >= 0 ? Number((10 ** -value).toPrecision(12)) : null
    default:
      return null
  }
}

/**
 * Our Instrument from one ccxt market, or null when we do not trade that kind
 * (futures, options, inverse swaps whose contracts are worth quote currency,
 * or markets whose increments the venue does not state).
 */
export function marketToInstrument(venue: string, market: MarketInterface, precisionMode: number): Instrument | null {
  const type = marketTypeOf(market)
  if (type === null || market.id === undefined) return null
  const tickSize = precisionToStep(market.precision.price, precisionMode)
  const stepSize = precisionToStep(market.precision.amount, precisionMode)
  if (tickSize === null || stepSize === null) return null
  const positive = (n: number | undefined): number | null => (n !== undefined && n !== null && Number.isFinite(n) && n > 0 ? n : null)
  return {
    venue,
    symbol: market.symbol,
    venueSymbol: market.id,
    type,
    base: market.base,
    quote: market.quote,
    settle: type === 'swap' ? (market.settle ?? null) : null,
    contractSize: type === 'swap' ? (positive(market.contractSize) ?? 1) : 1,
    tickSize,
    stepSize,
    minSize: positive(market.limits.amount?.min) ?? 0,
    maxSize: positive(market.limits.amount?.max),
    minNotional: positive(market.limits.cost?.min),
    maxLeverage: positive(market.limits.leverage?.max),
    active: market.active !== false,
  }
}

function marketTypeOf(market: MarketInterface): MarketType | null {
  if (market.spot) return 'spot'
  if (market.swap && market.linear !== false) return 'swap'
  return null
}
