import type { MarketInterface } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { InstrumentSchema } from '../../../src/shared/domain/market'
import { DECIMAL_PLACES, marketToInstrument, precisionToStep, SIGNIFICANT_DIGITS, TICK_SIZE } from '../../../src/main/adapters/ccxt/instruments/market-to-instrument'

const market = (overrides: Partial<MarketInterface>): MarketInterface =>
  ({
    id: 'BTC-USDT-SWAP',
    symbol: 'BTC/USDT:USDT',
    base: 'BTC',
    quote: 'USDT',
    settle: 'USDT',
    active: true,
    spot: false,
    swap: true,
    linear: true,
    contractSize: 0.01,
    precision: { price: 0.1, amount: 1 },
    limits: { amount: { min: 1, max: 100_000_000 }, cost: {}, leverage: { max: 100 }, price: {} },
    ...overrides,
  }) as MarketInterface

describe('instruments from ccxt markets', () => {
  it('reads tick and step in both precision modes', () => {
    expect(precisionToStep(0.1, TICK_SIZE)).toBe(0.1)
    expect(precisionToStep(2, DECIMAL_PLACES)).toBe(0.01)
    expect(precisionToStep(8, DECIMAL_PLACES)).toBe(0.00000001)
    expect(precisionToStep(0, DECIMAL_PLACES)).toBe(1)
    expect(precisionToStep(5, SIGNIFICANT_DIGITS)).toBeNull()
    expect(precisionToStep(undefined, TICK_SIZE)).toBeNull()
  })

  it('maps a linear swap with its contract size and leverage', () => {
    const instrument = marketToInstrument('okx', market({}), TICK_SIZE)
    expect(InstrumentSchema.parse(instrument)).toEqual({
      venue: 'okx',
      symbol: 'BTC/USDT:USDT',
      venueSymbol: 'BTC-USDT-SWAP',
      type: 'swap',
      base: 'BTC',
      quote: 'USDT',
      settle: 'USDT',
      contractSize: 0.01,
      tickSize: 0.1,
      stepSize: 1,
      minSize: 1,
      maxSize: 100_000_000,
      minNotional: null,
      maxLeverage: 100,
      active: true,
    })
  })

  it('maps spot with decimal-places precision, and skips what we do not trade', () => {
    const spot = marketToInstrument('kraken', market({ id: 'XBTUSDT', symbol: 'BTC/USDT', spot: true, swap: false, settle: undefined, contractSize: undefined, precision: { price: 1, amount: 8 }, limits: { amount: { min: 0.0001, max: undefined }, cost: { min: 5, max: undefined } } }), DECIMAL_PLACES)
    expect(spot).toMatchObject({ type: 'spot', settle: null, contractSize: 1, tickSize: 0.1, stepSize: 0.00000001, minSize: 0.0001, maxSize: null, minNotional: 5 })
    expect(marketToInstrument('okx', market({ swap: false, future: true }), TICK_SIZE)).toBeNull()
    expect(marketToInstrument('okx', market({ linear: false, inverse: true }), TICK_SIZE)).toBeNull()
    expect(marketToInstrument('okx', market({ precision: { price: undefined, amount: 1 } }), TICK_SIZE)).toBeNull()
  })
})
