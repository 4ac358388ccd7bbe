import type { OrderIntent } from '../../../shared/domain/intent'
import type { Instrument } from '../../../shared/domain/market'
import type { RiskConfig } from '../../../shared/domain/risk'
import { walkBook, type BookWalk } from './book-walk'
import type { OpenOrderExposure, PositionExposure, RiskContext } from './context'
import { isPositiveFinite } from './reasons'

/**
 * Facts about one intent derived once from the snapshot, shared by every
 * rule so that no two rules can disagree on, say, the order's notional.
 */
export interface Assessment {
  readonly intent: OrderIntent
  readonly context: RiskContext
  readonly config: RiskConfig
  /** The intent's market, or null when unknown or when the snapshot holds another market's rules. */
  readonly instrument: Instrument | null
  /** The size is a finite positive number small enough to count in steps. */
  readonly sizeUsable: boolean
  /** The limit price of a limit order, when it is a finite positive number; null otherwise. */
  readonly limitPrice: number | null
  /** Closes or shrinks an existing position without flipping it (see `isRiskReducing`). */
  readonly reducing: boolean
  readonly walk: BookWalk | null
  /** Price the notional is valued at, or null when nothing prices the order. */
  readonly valuationPrice: number | null
  /** amount × contract size × valuation price; null when unknown or not finite. */
  readonly notional: number | null
  readonly markPrice: number | null
}

export function assess(intent: OrderIntent, context: RiskContext, config: RiskConfig): Assessment {
  const instrument = context.instrument && context.instrument.symbol === intent.symbol && context.instrument.venue === intent.venue ? context.instrument : null
  const sizeUsable = isUsableSize(intent.amount, instrument?.stepSize ?? null)
  const limitPrice = intent.type === 'limit' && isPositiveFinite(intent.price) ? intent.price : null
  const reducing = sizeUsable && isRiskReducing(intent, context.positions, context.openOrders)
  const walk = sizeUsable && context.book ? walkBook(context.book, intent.side, intent.amount, limitPrice) : null
  const markPrice = context.mark && isPositiveFinite(context.mark.markPrice) ? context.mark.markPrice : null
  const contractSize = instrument && isPositiveFinite(instrument.contractSize) ? instrument.contractSize : 1
  // A limit order is valued at its own price (the most it can cost); a market
  // order at what the book says it would pay, else at the mark, else (a
  // reduction with no market data) at the position's own valuation, so a
  // large flatten still counts as large for approval.
  const valuationPrice = intent.type === 'limit' ? limitPrice : (walk?.averagePrice ?? markPrice ?? (reducing ? positionPrice(intent, context.positions, contractSize) : null))
  const raw = sizeUsable && valuationPrice !== null ? intent.amount * contractSize * valuationPrice : null
  const notional = raw !== null && Number.isFinite(raw) ? raw : null
  return { intent, context, config, instrument, sizeUsable, limitPrice, reducing, walk, valuationPrice, notional, markPrice }
}

// Quote per base unit implied by the position being reduced.
function positionPrice(intent: OrderIntent, positions: readonly PositionExposure[], contractSize: number): number | null {
  const p = positions.find((x) => x.symbol === intent.symbol && x.side === (intent.side === 'sell' ? 'long' : 'short'))
  const price = p ? p.notional / (p.contracts * contractSize) : null
  return isPositiveFinite(price) ? price : null
}

/**
 * A size is usable when it is finite, positive and countable in steps: past
 * 2^53 steps the step arithmetic itself stops being exact, so such a size
 * (1e308, say) is garbage however finite it looks.
 */
export function isUsableSize(amount: number, stepSize: number | null): boolean {
  if (!isPositiveFinite(amount)) return false
  const step = stepSize !== null && isPositiveFinite(stepSize) ? stepSize : 1
  return amount / step <= Number.MAX_SAFE_INTEGER
}

/**
 * An order reduces risk when it trades against an existing position and
 * cannot flip it. A reduce-only order counts only when there is a position
 * to reduce (the venue clips it to that position; on spot the flag means
 * nothing, so a reduce-only buy with nothing short is a plain buy). A plain
 * order counts when it, together with the same-side orders already working,
 * does not exceed the position.
 */
export function isRiskReducing(intent: OrderIntent, positions: readonly PositionExposure[], openOrders: readonly OpenOrderExposure[]): boolean {
  const against = intent.side === 'sell' ? 'long' : 'short'
  const position = positions.find((p) => p.symbol === intent.symbol && p.side === against && isPositiveFinite(p.contracts))
  if (!position) return false
  if (intent.reduceOnly) return true
  let pending = 0
  for (const order of openOrders) {
    if (order.symbol === intent.symbol && order.side === intent.side && isPositiveFinite(order.amount)) pending += order.amount
  }
  return intent.amount + pending <= position.contracts * (1 + 1e-9)
}
