import { describe, expect, it } from 'vitest'
import type { Instrument } from '../../../src/shared/domain/market'
import type { OrderRequest } from '../../../src/shared/domain/order'
import { checkAmendment, checkOrder, createOrderParams } from '../../../src/main/adapters/ccxt/execution/order-checks'
import { OKX_PROFILE } from '../../../src/main/adapters/ccxt/profiles/okx'
import { KRAKEN_PROFILE } from '../../../src/main/adapters/ccxt/profiles/other-venues'
import type { VenueError } from '../../../src/main/ports/venue-error'

const swap: Instrument = {
  venue: 'okx', symbol: 'BTC/USDT:USDT', venueSymbol: 'BTC-USDT-SWAP', type: 'swap', base: 'BTC', quote: 'USDT', settle: 'USDT',
  contractSize: 0.01, tickSize: 0.1, stepSize: 1, minSize: 1, maxSize: 1000, minNotional: null, maxLeverage: 100, active: true,
}
const order = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: 'abc1', symbol: swap.symbol, side: 'buy', type: 'limit', amount: 1, price: 59000.1, timeInForce: 'GTC', postOnly: false, reduceOnly: false, ...overrides,
})
const refusal = (fn: () => void): Pick<VenueError, 'kind' | 'reason'> | null => {
  try {
    fn()
    return null
  } catch (e) {
    return { kind: (e as VenueError).kind, reason: (e as VenueError).reason }
  }
}

describe('local order checks', () => {
  it('accepts a valid order and builds ccxt params with cross margin for swaps', () => {
    expect(refusal(() => checkOrder(OKX_PROFILE, swap, order()))).toBeNull()
    expect(createOrderParams(OKX_PROFILE, swap, order({ timeInForce: 'IOC', reduceOnly: true }))).toEqual({ clientOrderId: 'abc1', timeInForce: 'IOC', reduceOnly: true, marginMode: 'cross' })
    expect(createOrderParams(OKX_PROFILE, swap, order({ postOnly: true }))).toEqual({ clientOrderId: 'abc1', postOnly: true, marginMode: 'cross' })
    expect(createOrderParams(OKX_PROFILE, { ...swap, type: 'spot' }, order({ type: 'market', price: null }))).toEqual({ clientOrderId: 'abc1' })
  })

  it.each([
    ['a size off the step', order({ amount: 0.5 }), 'invalid_size'],
    ['exactly the minimum size', order({ amount: 1 }), null],
    ['a size above the maximum', order({ amount: 1001 }), 'invalid_size'],
    ['a price off the tick', order({ price: 59000.05 }), 'invalid_price'],
    ['a limit without price', order({ price: null }), 'invalid_price'],
    ['post-only IOC', order({ postOnly: true, timeInForce: 'IOC' }), 'unsupported_order'],
    ['an id OKX refuses', order({ clientOrderId: 'a'.repeat(33) }), 'other'],
  ] as const)('%s', (_name, request, reason) => {
    const result = refusal(() => checkOrder(OKX_PROFILE, swap, request as OrderRequest))
    if (reason === null) expect(result).toBeNull()
    else expect(result).toEqual({ kind: 'rejected', reason })
  })

  it('refuses what the venue cannot do: reduce-only on spot, FOK on Kraken', () => {
    const spot: Instrument = { ...swap, type: 'spot', symbol: 'BTC/USDT', settle: null, contractSize: 1, stepSize: 0.0001, minSize: 0.0001 }
    expect(refusal(() => checkOrder(OKX_PROFILE, spot, order({ symbol: 'BTC/USDT', amount: 0.001, reduceOnly: true })))).toEqual({ kind: 'rejected', reason: 'unsupported_order' })
    expect(refusal(() => checkOrder(KRAKEN_PROFILE, spot, order({ symbol: 'BTC/USDT', amount: 0.001, timeInForce: 'FOK' })))).toEqual({ kind: 'rejected', reason: 'unsupported_order' })
  })

  it('checks minimum notional and amendments', () => {
    expect(refusal(() => checkOrder(OKX_PROFILE, { ...swap, minNotional: 1000 }, order()))).toEqual({ kind: 'rejected', reason: 'invalid_size' })
    expect(refusal(() => checkAmendment(OKX_PROFILE, swap, 'abc1', { price: 59100 }))).toBeNull()
    expect(refusal(() => checkAmendment(OKX_PROFILE, swap, 'abc1', { price: 59100.01 }))).toEqual({ kind: 'rejected', reason: 'invalid_price' })
    expect(refusal(() => checkAmendment(OKX_PROFILE, swap, 'abc1', {}))).toEqual({ kind: 'rejected', reason: 'other' })
  })
})
