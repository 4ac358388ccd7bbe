import type { Instrument } from '../../../src/shared/domain/market'
import type { Fill } from '../../../src/shared/domain/order'

export const BTC = 'BTC/USDT:USDT'
export const ETH = 'ETH/USDT:USDT'
export const BTC_SPOT = 'BTC/USDT'
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)

const base: Instrument = {
  venue: 'paper',
  symbol: BTC,
  venueSymbol: 'BTC-USDT-SWAP',
  type: 'swap',
  base: 'BTC',
  quote: 'USDT',
  settle: 'USDT',
  contractSize: 0.01,
  tickSize: 0.1,
  stepSize: 1,
  minSize: 1,
  maxSize: null,
  minNotional: null,
  maxLeverage: 100,
  active: true,
}

export const INSTRUMENTS: Record<string, Instrument> = {
  [BTC]: base,
  [ETH]: { ...base, symbol: ETH, venueSymbol: 'ETH-USDT-SWAP', base: 'ETH', contractSize: 0.1, tickSize: 0.01 },
  [BTC_SPOT]: { ...base, symbol: BTC_SPOT, venueSymbol: 'BTC-USDT', type: 'spot', settle: null, contractSize: 1, stepSize: 0.00001, minSize: 0.00001 },
}

let counter = 0

/** A fill with a fresh trade id, a zero fee and T0 unless the test says otherwise. */
export function fill(overrides: Partial<Fill> & Pick<Fill, 'side' | 'price' | 'amount'>): Fill {
  return {
    venue: 'paper',
    tradeId: `tr${++counter}`,
    clientOrderId: null,
    venueOrderId: null,
    symbol: BTC,
    fee: 0,
    feeCurrency: 'USDT',
    liquidity: 'taker',
    timestamp: T0,
    ...overrides,
  }
}
