import type { Fill, OrderState, OrderStatus } from '../../../../shared/domain/order'
import type { Clock, TimerHandle } from '../../../ports/clock'
import type { ExecutionEvent } from '../../../ports/execution-client'
import type { Logger } from '../../../ports/logger'
import { RecentIds } from '../market-data/recent-ids'
import type { OrderTemplate } from './convert-account'

interface Tracked {
  template: OrderTemplate
  venueOrderId: string | null
  createdAt: number
  updatedAt: number
  announced: boolean
  terminal: boolean
  status: OrderStatus
  /** Sum of the fills we announced, and their notional, for the average price. */
  filled: number
  notional: number
  /** The filled amount the venue last reported, which fills may not have caught up with yet. */
  venueFilled: number
  reason: string | null
  pendingEnd: { status: 'cancelled' | 'expired' | 'filled'; reason: string | null } | null
  graceTimer: TimerHandle | null
}

const EPS = 1e-9
/** Final orders kept for late reports and queries; older ones are dropped first. */
const KEEP_FINAL = 5_000
/** Orders whose fills arrived before the order itself; beyond this the oldest are dropped. */
const KEEP_ORPHANS = 1_000

/**
 * Turns what the venue reports (order states and trades, from the stream or
 * from queries, in any order, possibly twice) into our events, exactly once
 * per change: accepted before anything else, one event per fill (never the
 * same trade id twice), amended when price or amount change, and the final
 * cancelled/expired only after every fill before it has been announced.
 */
export class OrderTracker {
  private readonly orders = new Map<string, Tracked>()
  private readonly byVenueId = new Map<string, string>()
  private readonly seenTrades = new RecentIds(20_000)
  private readonly orphanFills = new Map<string, Fill[]>()

  constructor(
    private readonly venue: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly emit: (event: ExecutionEvent) => void,
    /** Called when a venue says fills happened that we have not seen after `graceMs`. */
    private readonly onFillsMissing: (clientOrderId: string) => void,
    private readonly graceMs: number,
  ) {}

  /** Registers an order about to be sent; false when that client order id is already tracked. */
  expect(template: OrderTemplate): boolean {
    if (this.orders.has(template.clientOrderId)) return false
    const now = this.clock.now()
    this.orders.set(template.clientOrderId, this.fresh(template, now))
    return true
  }

  /** The venue took the order under `venueOrderId`. */
  acknowledge(clientOrderId: string, venueOrderId: string | null): void {
    const t = this.orders.get(clientOrderId)
    if (!t || venueOrderId === null) return
    this.index(clientOrderId, t, venueOrderId)
  }

  /** The placement was refused: nothing of it exists at the venue. */
  forget(clientOrderId: string): void {
    const t = this.orders.get(clientOrderId)
    if (t?.venueOrderId) this.byVenueId.delete(t.venueOrderId)
    t?.graceTimer?.cancel()
    this.orders.delete(clientOrderId)
  }

  /** True when the venue never confirmed the order in any way: no id from it, no report of it. */
  unconfirmed(clientOrderId: string): boolean {
    const t = this.orders.get(clientOrderId)
    return t !== undefined && t.venueOrderId === null && !t.announced
  }

  template(clientOrderId: string): OrderTemplate | undefined {
    return this.orders.get(clientOrderId)?.template
  }

  venueOrderId(clientOrderId: string): string | null {
    return this.orders.get(clientOrderId)?.venueOrderId ?? null
  }

  clientOrderIdOf(venueOrderId: string): string | null {
    return this.byVenueId.get(venueOrderId) ?? null
  }

  /** What we know of the order now, or null when we do not track it. */
  state(clientOrderId: string): OrderState | null {
    const t = this.orders.get(clientOrderId)
    return t ? this.snapshot(t) : null
  }

  /** Orders that may still change: reconciliation asks the venue about these after a gap. */
  openOrders(): { clientOrderId: string; symbol: string; since: number }[] {
    return [...this.orders.values()].filter((t) => !t.terminal).map((t) => ({ clientOrderId: t.template.clientOrderId, symbol: t.template.symbol, since: t.createdAt }))
  }

  observeOrder(state: OrderState): void {
    let t = this.orders.get(state.clientOrderId)
    if (!t) {
      // An order we did not place in this session (an earlier run, another tool): track it from here.
      const { clientOrderId, symbol, side, type, timeInForce, postOnly, reduceOnly, amount, price } = state
      t = this.fresh({ clientOrderId, symbol, side, type, timeInForce, postOnly, reduceOnly, amount, price }, state.createdAt)
      this.orders.set(state.clientOrderId, t)
    }
    if (state.venueOrderId) this.index(state.clientOrderId, t, state.venueOrderId)
    if (t.terminal) return
    t.updatedAt = Math.max(t.updatedAt, state.updatedAt)
    if (state.status === 'rejected') {
      this.finish(t, 'rejected', state.reason)
      this.emit({ type: 'rejected', order: this.snapshot(t) })
      return
    }
    this.announce(t)
    if (state.amount !== t.template.amount || (state.price !== null && state.price !== t.template.price)) {
      t.template = { ...t.template, amount: state.amount, price: state.price ?? t.template.price }
      this.emit({ type: 'amended', order: this.snapshot(t) })
    }
    t.venueFilled = Math.max(t.venueFilled, state.filled)
    if (state.status === 'cancelled' || state.status === 'expired' || state.status === 'filled') {
      t.pendingEnd = { status: state.status, reason: state.reason }
    }
    this.settle(t)
  }

  observeFill(fill: Fill): void {
    if (this.seenTrades.has(fill.tradeId)) return
    const clientOrderId = fill.clientOrderId ?? (fill.venueOrderId ? this.clientOrderIdOf(fill.venueOrderId) : null)
    const t = clientOrderId ? this.orders.get(clientOrderId) : undefined
    if (!t) {
      // The fill outran the order's own report (or our acknowledgement of it): hold it until we know the order.
      const key = fill.venueOrderId ?? fill.clientOrderId
      if (key) this.orphanFills.set(key, [...(this.orphanFills.get(key) ?? []).filter((f) => f.tradeId !== fill.tradeId), fill])
      // Trades of orders we never learn about (placed by hand elsewhere) must not pile up forever.
      if (this.orphanFills.size > KEEP_ORPHANS) this.orphanFills.delete(this.orphanFills.keys().next().value!)
      return
    }
    this.seenTrades.add(fill.tradeId)
    if (t.terminal) {
      this.logger.warn('fill arrived after the order was final; not announced', { venue: this.venue, clientOrderId, tradeId: fill.tradeId })
      return
    }
    this.announce(t)
    t.filled += fill.amount
    t.notional += fill.amount * fill.price
    t.venueFilled = Math.max(t.venueFilled, t.filled)
    t.updatedAt = Math.max(t.updatedAt, fill.timestamp)
    const complete = t.filled >= t.template.amount - EPS
    if (complete) this.finish(t, 'filled', null)
    else t.status = 'partially_filled'
    this.emit({ type: complete ? 'filled' : 'partially_filled', order: this.snapshot(t), fill: { ...fill, clientOrderId: t.template.clientOrderId } })
    if (!complete) this.settle(t)
  }

  /** After the missing fills were looked for: end the order with what we have, rather than never. */
  giveUpWaiting(clientOrderId: string): void {
    const t = this.orders.get(clientOrderId)
    if (!t || t.terminal || t.venueFilled <= t.filled + EPS) return
    this.logger.error('fills the venue reported never arrived; ending the order without them', { venue: this.venue, clientOrderId, reported: t.venueFilled, announced: t.filled })
    t.venueFilled = t.filled
    this.settle(t)
  }

  close(): void {
    for (const t of this.orders.values()) t.graceTimer?.cancel()
  }

  private settle(t: Tracked): void {
    if (t.venueFilled > t.filled + EPS) {
      this.armGrace(t)
      return
    }
    t.graceTimer?.cancel()
    t.graceTimer = null
    const end = t.pendingEnd
    if (!end || t.terminal) return
    if (end.status === 'filled') {
      // Every fill is in but they fall short of the amount (a venue rounding, a quote-sized order): final anyway.
      this.finish(t, 'filled', null)
      return
    }
    this.finish(t, end.status, end.reason)
    this.emit({ type: end.status, order: this.snapshot(t) })
  }

  private armGrace(t: Tracked): void {
    if (t.graceTimer) return
    const id = t.template.clientOrderId
    t.graceTimer = this.clock.setTimeout(() => {
      t.graceTimer = null
      this.onFillsMissing(id)
    }, this.graceMs)
  }

  private announce(t: Tracked): void {
    if (t.announced) return
    t.announced = true
    this.emit({ type: 'accepted', order: { ...this.snapshot(t), status: 'open', filled: 0, averagePrice: null } })
  }

  private finish(t: Tracked, status: OrderStatus, reason: string | null): void {
    t.status = status
    t.reason = reason
    t.terminal = true
    t.graceTimer?.cancel()
    t.graceTimer = null
    this.prune()
  }

  // Maps keep insertion order, so the first final orders found are the oldest.
  private prune(): void {
    if (this.orders.size <= KEEP_FINAL) return
    for (const [id, t] of this.orders) {
      if (this.orders.size <= KEEP_FINAL) return
      if (!t.terminal) continue
      this.orders.delete(id)
      if (t.venueOrderId) this.byVenueId.delete(t.venueOrderId)
    }
  }

  private index(clientOrderId: string, t: Tracked, venueOrderId: string): void {
    t.venueOrderId ??= venueOrderId
    this.byVenueId.set(venueOrderId, clientOrderId)
    for (const key of [venueOrderId, clientOrderId]) {
      const waiting = this.orphanFills.get(key)
      if (!waiting) continue
      this.orphanFills.delete(key)
      for (const fill of waiting) this.observeFill({ ...fill, clientOrderId })
    }
  }

  private fresh(template: OrderTemplate, now: number): Tracked {
    return {
      template: { ...template },
      venueOrderId: null,
      createdAt: now,
      updatedAt: now,
      announced: false,
      terminal: false,
      status: 'open',
      filled: 0,
      notional: 0,
      venueFilled: 0,
      reason: null,
      pendingEnd: null,
      graceTimer: null,
    }
  }

  private snapshot(t: Tracked): OrderState {
    const { template } = t
    return {
      venue: this.venue,
      clientOrderId: template.clientOrderId,
      venueOrderId: t.venueOrderId,
      symbol: template.symbol,
      side: template.side,
      type: template.type,
      timeInForce: template.timeInForce,
      postOnly: template.postOnly,
      reduceOnly: template.reduceOnly,
      amount: template.amount,
      price: template.price,
      filled: t.filled,
      averagePrice: t.filled > 0 ? t.notional / t.filled : null,
      status: t.status,
      reason: t.reason,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    }
  }
}
