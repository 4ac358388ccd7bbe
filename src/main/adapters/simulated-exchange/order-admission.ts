import type { Instrument } from '../../../shared/domain/market'
import type { OrderRequest, OrderSide } from '../../../shared/domain/order'
import type { RejectReason } from '../../../shared/domain/venue'
import { settleCurrencyOf } from './account'
import type { Margin } from './margin'
import type { MarketState } from './market-state'
import type { OrderRecord } from './order-ledger'
import type { PositionBook } from './positions'
import { isOnStep } from '../../../shared/market/precision'

/** Why the venue refuses an order or an amendment, with a message a trader can act on. */
export interface Refusal {
  reason: RejectReason
  message: string
}

export interface AdmissionDeps {
  market: MarketState
  positions: PositionBook
  margin: Margin
}

const refuse = (reason: RejectReason, message: string): Refusal => ({ reason, message })

function checkSize(amount: number, instrument: Instrument): Refusal | null {
  const { stepSize, minSize, maxSize, symbol } = instrument
  if (!isOnStep(amount, stepSize)) return refuse('invalid_size', `${symbol} sizes are multiples of ${stepSize}, received ${amount}`)
  if (amount < minSize) return refuse('invalid_size', `${symbol} needs a size of at least ${minSize}, received ${amount}`)
  if (maxSize !== null && amount > maxSize) return refuse('invalid_size', `${symbol} allows a size of at most ${maxSize}, received ${amount}`)
  return null
}

function checkPrice(price: number, instrument: Instrument): Refusal | null {
  if (!isOnStep(price, instrument.tickSize)) {
    return refuse('invalid_price', `${instrument.symbol} prices are multiples of ${instrument.tickSize}, received ${price}`)
  }
  return null
}

/** True when a limit at `price` would take liquidity from the current book. */
function wouldTake(market: MarketState, symbol: string, side: OrderSide, price: number): boolean {
  const view = market.view(symbol)
  const opposite = view.best(side === 'buy' ? 'ask' : 'bid')
  return opposite !== null && (side === 'buy' ? price >= opposite : price <= opposite)
}

function checkMargin(deps: AdmissionDeps, instrument: Instrument, side: OrderSide, amount: number, price: number, replacing?: { amount: number; price: number }): Refusal | null {
  const currency = settleCurrencyOf(instrument)
  const needed = deps.margin.requirement(instrument, side, amount, price, replacing)
  const free = deps.margin.free(currency)
  // A small tolerance so an order sized to exactly the free margin is not refused for float noise.
  if (needed > free + 1e-9 * Math.max(1, free)) {
    return refuse('insufficient_funds', `the order needs ${needed.toFixed(4)} ${currency} of margin and fees, ${free.toFixed(4)} ${currency} is free`)
  }
  return null
}

/** Checks a new order against the instrument's rules, the book, the position and the margin, in that order. */
export function checkNewOrder(request: OrderRequest, instrument: Instrument, deps: AdmissionDeps): Refusal | null {
  const { symbol, side, amount, type } = request
  if (instrument.type !== 'swap') return refuse('unsupported_order', `the simulated exchange trades perpetual swaps only; ${symbol} is ${instrument.type}`)
  if (!instrument.active) return refuse('other', `${symbol} is not active for trading`)
  if (type === 'market' && request.postOnly) return refuse('unsupported_order', 'a market order always takes liquidity and cannot be post-only')
  if (type === 'limit' && request.price === null) return refuse('invalid_price', 'a limit order needs a price, received null')
  const limit = type === 'limit' ? request.price : null
  if (limit !== null) {
    const refusal = checkPrice(limit, instrument)
    if (refusal) return refusal
  }
  const sizeRefusal = checkSize(amount, instrument)
  if (sizeRefusal) return sizeRefusal

  const view = deps.market.view(symbol)
  const reference = limit ?? view.estimate(side, amount, instrument.stepSize) ?? deps.market.markPrice(symbol)
  if (reference === null) return refuse('other', `no price for ${symbol} yet: the market source has sent no book, mark or trade`)
  if (instrument.minNotional !== null && amount * instrument.contractSize * reference < instrument.minNotional) {
    return refuse('invalid_size', `${symbol} needs a notional of at least ${instrument.minNotional}, the order is worth ${amount * instrument.contractSize * reference}`)
  }
  if (request.reduceOnly) {
    const reducible = deps.positions.reducible(symbol, side)
    if (amount > reducible) return refuse('reduce_only_would_increase', `a reduce-only ${side} of ${amount} exceeds the ${reducible} contracts it can close on ${symbol}`)
  }
  if (request.postOnly && limit !== null && wouldTake(deps.market, symbol, side, limit)) {
    return refuse('post_only_would_take', `a post-only ${side} at ${limit} would take liquidity from the book`)
  }
  if (request.timeInForce === 'FOK') {
    const available = view.available(side, limit, instrument.stepSize)
    if (available < amount) return refuse('fill_or_kill_unfillable', `fill-or-kill needs ${amount} at once, the book offers ${available}`)
  }
  return request.reduceOnly ? null : checkMargin(deps, instrument, side, amount, reference)
}

/** Checks a new price and size for a resting order; the order is untouched when refused. */
export function checkAmendment(record: OrderRecord, price: number, amount: number, deps: AdmissionDeps): Refusal | null {
  const instrument = record.instrument!
  const { side, filled, symbol } = record.state
  if (!(price > 0 && Number.isFinite(price))) return refuse('invalid_price', `a price must be a positive number, received ${price}`)
  if (!(amount > 0 && Number.isFinite(amount))) return refuse('invalid_size', `a size must be a positive number, received ${amount}`)
  const refusal = checkPrice(price, instrument) ?? checkSize(amount, instrument)
  if (refusal) return refusal
  if (amount <= filled) return refuse('invalid_size', `the new size ${amount} must exceed the ${filled} already filled`)
  const remaining = amount - filled
  if (record.state.reduceOnly) {
    const reducible = deps.positions.reducible(symbol, side)
    if (remaining > reducible) return refuse('reduce_only_would_increase', `a reduce-only ${side} of ${remaining} exceeds the ${reducible} contracts it can close`)
  }
  if (record.state.postOnly && wouldTake(deps.market, symbol, side, price)) {
    return refuse('post_only_would_take', `a post-only ${side} at ${price} would take liquidity from the book`)
  }
  if (record.state.reduceOnly) return null
  const old = { amount: record.state.amount - filled, price: record.state.price! }
  return checkMargin(deps, instrument, side, remaining, price, old)
}
