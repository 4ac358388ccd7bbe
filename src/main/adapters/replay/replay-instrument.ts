import type { Instrument } from '../../../shared/domain/market'
import type { VenueCapabilities } from '../../../shared/domain/venue'

/**
 * An instrument for a recording, from its unified symbol and the precision
 * its prices and sizes were recorded with (a recording carries no market
 * list); anything given in `overrides` wins.
 */
export function replayInstrument(venue: string, symbol: string, prices: readonly number[], sizes: readonly number[], overrides: Partial<Instrument> = {}): Instrument {
  const [pair = symbol, settle = null] = symbol.split(':')
  const [base = pair, quote = ''] = pair.split('/')
  const tickSize = smallestStep(prices)
  const stepSize = smallestStep(sizes)
  return {
    venue,
    symbol,
    venueSymbol: symbol,
    type: settle === null ? 'spot' : 'swap',
    base,
    quote,
    settle,
    contractSize: 1,
    tickSize,
    stepSize,
    minSize: stepSize,
    maxSize: null,
    minNotional: null,
    maxLeverage: null,
    active: true,
    ...overrides,
  }
}

const SAMPLE = 2_000
const MAX_DECIMALS = 12

/** 10^-d for the most decimals among the first values: the recording's apparent precision. */
function smallestStep(values: readonly number[]): number {
  let decimals = 0
  for (let i = 0; i < Math.min(values.length, SAMPLE); i++) {
    const value = values[i]!
    while (decimals < MAX_DECIMALS && Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) > 1e-9 * 10 ** decimals * Math.abs(value)) decimals++
  }
  return Number(`1e-${decimals}`)
}

export function replayCapabilities(instrument: Instrument, hasTrades: boolean): VenueCapabilities {
  return {
    marketTypes: [instrument.type],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: false,
    reduceOnly: false,
    amend: false,
    // A recording of trades or candles has no book and no private channel.
    websocket: { ticker: true, book: false, trades: hasTrades, candles: true, orders: false },
    demoMode: false,
    fetchHistory: true,
  }
}
