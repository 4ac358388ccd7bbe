import type { VenueId } from '../../../shared/domain/market'

/** Fee rates as fractions of notional: 0.0002 is 0.02 %. A negative maker rate is a rebate. */
export interface FeeRates {
  maker: number
  taker: number
}

/**
 * Entry-tier perpetual fees of the venues we mirror, so paper results are not
 * flattered by free trading. Figures are the public regular-user schedules.
 */
export const FEE_SCHEDULES: Readonly<Record<string, FeeRates>> = {
  okx: { maker: 0.0002, taker: 0.0005 },
  binance: { maker: 0.0002, taker: 0.0005 },
  bybit: { maker: 0.0002, taker: 0.00055 },
}

/** Used when neither the paper venue nor its source is in the table: the OKX-like schedule. */
export const DEFAULT_FEE_RATES: FeeRates = { maker: 0.0002, taker: 0.0005 }

/** The explicit rates, else the mirrored venue's, else the source venue's, else the default. */
export function resolveFeeRates(venue: VenueId, sourceVenue: string, explicit: FeeRates | undefined): FeeRates {
  const rates = explicit ?? FEE_SCHEDULES[venue] ?? FEE_SCHEDULES[sourceVenue] ?? DEFAULT_FEE_RATES
  if (!Number.isFinite(rates.maker) || !Number.isFinite(rates.taker) || rates.taker < 0 || rates.maker > rates.taker) {
    throw new RangeError(`fee rates need a finite taker rate >= 0 and a maker rate <= taker, received maker ${rates.maker}, taker ${rates.taker}`)
  }
  return rates
}

/** The fee for one fill of `notional` (in the settle currency). */
export function feeFor(rates: FeeRates, liquidity: 'maker' | 'taker', notional: number): number {
  return notional * (liquidity === 'maker' ? rates.maker : rates.taker)
}
