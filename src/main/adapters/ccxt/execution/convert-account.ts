import type { Balances, Order as CcxtOrder, Position as CcxtPosition, Trade as CcxtTrade } from 'ccxt'
import { ClientOrderIdSchema, type Balance, type Fill, type OrderState, type OrderStatus, type Position } from '../../../../shared/domain/order'
import type { VenueProfile } from '../profiles/venue-profile'

/**
 * ccxt's unified account structures into ours. What the venue says about an
 * order's nature (side, type, time in force) is taken from what we asked for
 * when we know it: ccxt reconstructs it from venue codes and loses detail.
 */

/** The parts of an order that do not change with fills (amount and price change only by amendment). */
export interface OrderTemplate {
  clientOrderId: string
  symbol: string
  side: OrderState['side']
  type: OrderState['type']
  timeInForce: OrderState['timeInForce']
  postOnly: boolean
  reduceOnly: boolean
  amount: number
  price: number | null
}

const num = (value: number | undefined | null): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

export function statusOf(order: CcxtOrder): OrderStatus | null {
  const filled = num(order.filled) ?? 0
  switch (order.status) {
    case 'open':
      return filled > 0 ? 'partially_filled' : 'open'
    case 'closed':
      return 'filled'
    case 'canceled':
    case 'cancelled':
      return 'cancelled'
    case 'expired':
      return 'expired'
    case 'rejected':
      return 'rejected'
    default:
      return null
  }
}

/** Our order state from ccxt's, or null when it lacks what we need (not ours, or unreadable). */
export function toOrderState(profile: VenueProfile, order: CcxtOrder, known: OrderTemplate | undefined, now: number): OrderState | null {
  const clientOrderId = ClientOrderIdSchema.safeParse(order.clientOrderId ?? known?.clientOrderId)
  const status = statusOf(order)
  const symbol = order.symbol ?? known?.symbol
  const side = order.side === 'buy' || order.side === 'sell' ? order.side : known?.side
  const amount = num(order.amount) ?? known?.amount
  if (!clientOrderId.success || status === null || !symbol || !side || !amount || amount <= 0) return null
  const type = known?.type ?? (order.type === 'market' ? 'market' : 'limit')
  const tif = known?.timeInForce ?? (order.timeInForce === 'IOC' || order.timeInForce === 'FOK' ? order.timeInForce : 'GTC')
  const price = num(order.price)
  const filled = Math.max(0, num(order.filled) ?? 0)
  const average = num(order.average)
  const createdAt = Math.trunc(num(order.timestamp) ?? now)
  return {
    venue: profile.id,
    clientOrderId: clientOrderId.data,
    venueOrderId: order.id ?? null,
    symbol,
    side,
    type,
    timeInForce: tif,
    postOnly: known?.postOnly ?? order.postOnly === true,
    reduceOnly: known?.reduceOnly ?? order.reduceOnly === true,
    amount,
    // ccxt fills a market order's price with its average fill price; a market order has no price of its own.
    price: type === 'market' ? null : price !== null && price > 0 ? price : (known?.price ?? null),
    filled,
    averagePrice: filled > 0 && average !== null && average > 0 ? average : null,
    status,
    reason: status === 'cancelled' || status === 'expired' || status === 'rejected' ? reasonOf(profile, order) : null,
    createdAt,
    updatedAt: Math.trunc(num(order.lastUpdateTimestamp) ?? num(order.lastTradeTimestamp) ?? createdAt),
  }
}

function reasonOf(profile: VenueProfile, order: CcxtOrder): string | null {
  if (profile.cancelReasonField === null) return null
  const info = order.info as Record<string, unknown> | undefined
  const code = info?.[profile.cancelReasonField]
  if (typeof code !== 'string' || code === '') return null
  return profile.cancelReasons[code] ?? `venue code ${code}`
}

/**
 * One fill from ccxt's trade. `feeSign` undoes ccxt's inconsistency where a
 * streamed trade carries the venue's own fee sign (OKX: negative = paid)
 * while a fetched one is normalised (positive = paid).
 */
export function toFill(profile: VenueProfile, trade: CcxtTrade, clientOrderId: string | null, feeSign: 1 | -1): Fill | null {
  const price = num(trade.price)
  const amount = num(trade.amount)
  const timestamp = num(trade.timestamp)
  if (!trade.id || !trade.symbol || price === null || price <= 0 || amount === null || amount <= 0 || timestamp === null) return null
  if (trade.side !== 'buy' && trade.side !== 'sell') return null
  const info = trade.info as Record<string, unknown> | undefined
  const fromInfo = ClientOrderIdSchema.safeParse(info?.[profile.clientOrderIdField])
  const cost = num(trade.fee?.cost) ?? 0
  return {
    venue: profile.id,
    tradeId: trade.id,
    clientOrderId: fromInfo.success ? fromInfo.data : clientOrderId,
    venueOrderId: trade.order ?? null,
    symbol: trade.symbol,
    side: trade.side,
    price,
    amount,
    fee: cost === 0 ? 0 : cost * feeSign,
    feeCurrency: trade.fee?.currency ?? '',
    liquidity: trade.takerOrMaker === 'maker' ? 'maker' : 'taker',
    timestamp: Math.trunc(timestamp),
  }
}

export function toPosition(venue: string, p: CcxtPosition): Position | null {
  const contracts = Math.abs(num(p.contracts) ?? 0)
  const entry = num(p.entryPrice)
  if (!p.symbol || contracts === 0 || entry === null || entry <= 0) return null
  const side = p.side === 'short' ? 'short' : p.side === 'long' ? 'long' : (num(p.contracts) ?? 0) < 0 ? 'short' : 'long'
  const mark = num(p.markPrice)
  const liquidation = num(p.liquidationPrice)
  const leverage = num(p.leverage)
  return {
    venue,
    symbol: p.symbol,
    side,
    contracts,
    entryPrice: entry,
    markPrice: mark !== null && mark > 0 ? mark : null,
    unrealizedPnl: num(p.unrealizedPnl) ?? 0,
    leverage: leverage !== null && leverage > 0 ? leverage : 1,
    margin: Math.max(0, num(p.initialMargin) ?? num(p.collateral) ?? 0),
    liquidationPrice: liquidation !== null && liquidation >= 0 ? liquidation : null,
  }
}

export function toBalances(raw: Balances): Balance[] {
  const totals = (raw['total'] ?? {}) as unknown as Record<string, number | undefined>
  const free = (raw['free'] ?? {}) as unknown as Record<string, number | undefined>
  const used = (raw['used'] ?? {}) as unknown as Record<string, number | undefined>
  return Object.keys(totals)
    .map((currency) => {
      const total = num(totals[currency]) ?? 0
      const available = num(free[currency]) ?? total
      return { currency, total, free: available, used: num(used[currency]) ?? Math.max(0, total - available) }
    })
    .filter((b) => b.total !== 0 || b.free !== 0)
}
