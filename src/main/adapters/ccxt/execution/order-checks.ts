import type { Instrument } from '../../../../shared/domain/market'
import type { OrderRequest } from '../../../../shared/domain/order'
import { isOnStep } from '../../../../shared/market/precision'
import type { RejectReason } from '../../../../shared/domain/venue'
import type { OrderAmendment } from '../../../ports/execution-client'
import { VenueError } from '../../../ports/venue-error'
import type { VenueProfile } from '../profiles/venue-profile'

/**
 * Checks an order against the venue's rules before anything is sent, so a
 * size off the step or a price off the tick is refused at once, the same way
 * on every venue, without spending a request or a rate-limit token.
 */
export function checkOrder(profile: VenueProfile, instrument: Instrument, order: OrderRequest): void {
  const refuse = (reason: RejectReason, why: string): never => {
    throw new VenueError('rejected', profile.id, `${profile.id}: order ${order.clientOrderId} refused before sending: ${why}`, { reason })
  }
  const caps = profile.capabilities
  if (!caps.marketTypes.includes(instrument.type)) refuse('unsupported_order', `${instrument.type} markets are not traded on ${profile.name} through this adapter`)
  if (!caps.orderTypes.includes(order.type)) refuse('unsupported_order', `${order.type} orders are not supported`)
  if (order.type === 'limit' && !caps.timeInForce.includes(order.timeInForce)) refuse('unsupported_order', `time in force ${order.timeInForce} is not supported; expected ${caps.timeInForce.join(', ')}`)
  if (order.postOnly && (!caps.postOnly || order.type !== 'limit' || order.timeInForce !== 'GTC')) refuse('unsupported_order', 'post-only needs a GTC limit order on a venue that supports it')
  if (order.reduceOnly && (!caps.reduceOnly || instrument.type !== 'swap')) refuse('unsupported_order', 'reduce-only is only for swaps on venues that support it')
  const idRule = profile.clientOrderId[instrument.type]
  if (idRule && !idRule.pattern.test(order.clientOrderId)) refuse('other', `client order id '${order.clientOrderId}' does not fit ${idRule.description}`)
  if (!instrument.active) refuse('unsupported_order', `${instrument.symbol} is not trading`)

  checkAmount(instrument, order.amount, refuse)
  if (order.type === 'limit') {
    if (order.price === null) refuse('invalid_price', 'a limit order needs a price')
    checkPrice(instrument, order.price!, refuse)
    const notional = order.amount * instrument.contractSize * order.price!
    if (instrument.minNotional !== null && notional < instrument.minNotional) {
      refuse('invalid_size', `notional ${round(notional)} ${instrument.quote} is below the minimum ${instrument.minNotional}`)
    }
  }
}

/** The same checks for the new values of an amendment. */
export function checkAmendment(profile: VenueProfile, instrument: Instrument, clientOrderId: string, changes: OrderAmendment): void {
  const refuse = (reason: RejectReason, why: string): never => {
    throw new VenueError('rejected', profile.id, `${profile.id}: amendment of ${clientOrderId} refused before sending: ${why}`, { reason })
  }
  if (changes.amount === undefined && changes.price === undefined) refuse('other', 'an amendment needs a new amount or a new price')
  if (changes.amount !== undefined) checkAmount(instrument, changes.amount, refuse)
  if (changes.price !== undefined) checkPrice(instrument, changes.price, refuse)
}

function checkAmount(instrument: Instrument, amount: number, refuse: (reason: RejectReason, why: string) => never): void {
  const unit = instrument.type === 'swap' ? 'contracts' : instrument.base
  if (!(amount > 0) || !Number.isFinite(amount)) refuse('invalid_size', `amount ${amount} must be a positive number`)
  if (!isOnStep(amount, instrument.stepSize)) refuse('invalid_size', `amount ${amount} is not a multiple of the step ${instrument.stepSize} ${unit}`)
  if (amount < instrument.minSize) refuse('invalid_size', `amount ${amount} is below the minimum ${instrument.minSize} ${unit}`)
  if (instrument.maxSize !== null && amount > instrument.maxSize) refuse('invalid_size', `amount ${amount} is above the maximum ${instrument.maxSize} ${unit}`)
}

function checkPrice(instrument: Instrument, price: number, refuse: (reason: RejectReason, why: string) => never): void {
  if (!(price > 0) || !Number.isFinite(price)) refuse('invalid_price', `price ${price} must be a positive number`)
  if (!isOnStep(price, instrument.tickSize)) refuse('invalid_price', `price ${price} is not a multiple of the tick ${instrument.tickSize}`)
}

function round(n: number): number {
  return Number(n.toPrecision(8))
}

/** ccxt's unified createOrder parameters for our request. */
export function createOrderParams(profile: VenueProfile, instrument: Instrument, order: OrderRequest): Record<string, unknown> {
  const params: Record<string, unknown> = { clientOrderId: order.clientOrderId }
  if (order.type === 'limit') {
    if (order.postOnly) params['postOnly'] = true
    else if (order.timeInForce !== 'GTC') params['timeInForce'] = order.timeInForce
  }
  if (order.reduceOnly) params['reduceOnly'] = true
  if (instrument.type === 'swap' && profile.swapMarginMode !== null) params['marginMode'] = profile.swapMarginMode
  return params
}
