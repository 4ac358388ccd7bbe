import type { Instrument, MarketSymbol } from '../../../shared/domain/market'
import type { ClientOrderId, Fill, OrderRequest, OrderState } from '../../../shared/domain/order'
import { isTerminalStatus } from '../../../shared/domain/order'
import type { RejectReason } from '../../../shared/domain/venue'
import type { ExecutionEvent } from '../../ports/execution-client'
import { roundToStep } from '../../../shared/market/precision'

/** One order as the venue keeps it; `state` is private and copied out on every read. */
export interface OrderRecord {
  readonly state: OrderState
  readonly instrument: Instrument | null
  /** Arrival order: time priority among our resting orders at one price. */
  seq: number
  /** Sum of price x amount over fills, for an exact average price. */
  cost: number
}

/** Size still to fill, in whole steps. */
export function remainingOf(record: OrderRecord): number {
  return roundToStep(record.state.amount - record.state.filled, record.instrument?.stepSize ?? 1e-12)
}

export function snapshotOf(record: OrderRecord): OrderState {
  return { ...record.state }
}

/**
 * Every order the venue has seen and every fill, and the one place an order's
 * state changes: each change emits exactly one event, and a terminal order
 * refuses any change (a bug elsewhere, so it throws rather than emits).
 */
export interface OrderLedger {
  get(clientOrderId: ClientOrderId): OrderRecord | undefined
  /** Registers an order that just arrived; it is announced by accept or reject. */
  create(request: OrderRequest, instrument: Instrument | null, now: number, reason?: string): OrderRecord
  accept(record: OrderRecord): void
  reject(record: OrderRecord, reason: RejectReason): void
  fill(record: OrderRecord, fill: Fill): void
  cancel(record: OrderRecord, reason: string | null): void
  amend(record: OrderRecord, price: number | null, amount: number): void
  /** Live orders, oldest first. */
  open(symbol?: MarketSymbol): OrderRecord[]
  fillsSince(since: number, symbol?: MarketSymbol): Fill[]
  /** Deterministic, never repeated within this venue. */
  nextTradeId(): string
  /** A client id for an order the venue places itself (liquidations), unused so far. */
  systemClientOrderId(prefix: string): ClientOrderId
}

/** `idPrefix` starts venue order and trade ids (the venue id by default; a run tag added keeps them unique across restarts). */
export function createOrderLedger(venue: string, clock: { now(): number }, emit: (event: ExecutionEvent) => void, idPrefix: string = venue): OrderLedger {
  const records = new Map<ClientOrderId, OrderRecord>()
  const live = new Set<OrderRecord>()
  const fills: Fill[] = []
  let orderCounter = 0
  let tradeCounter = 0
  let seqCounter = 0
  let systemCounter = 0

  const mutable = (record: OrderRecord): OrderState => {
    if (isTerminalStatus(record.state.status)) {
      throw new Error(`order ${record.state.clientOrderId} is ${record.state.status}: a terminal order never changes`)
    }
    record.state.updatedAt = clock.now()
    return record.state
  }
  const finish = (record: OrderRecord): void => {
    if (isTerminalStatus(record.state.status)) live.delete(record)
  }

  return {
    get: (id) => records.get(id),
    create(request, instrument, now, reason) {
      const record: OrderRecord = {
        state: {
          venue,
          clientOrderId: request.clientOrderId,
          venueOrderId: `${idPrefix}-o${++orderCounter}`,
          symbol: request.symbol,
          side: request.side,
          type: request.type,
          timeInForce: request.timeInForce,
          postOnly: request.postOnly,
          reduceOnly: request.reduceOnly,
          amount: request.amount,
          price: request.price,
          filled: 0,
          averagePrice: null,
          status: 'open',
          reason: reason ?? null,
          createdAt: now,
          updatedAt: now,
        },
        instrument,
        seq: ++seqCounter,
        cost: 0,
      }
      records.set(request.clientOrderId, record)
      return record
    },
    accept(record) {
      mutable(record)
      live.add(record)
      emit({ type: 'accepted', order: snapshotOf(record) })
    },
    reject(record, reason) {
      const state = mutable(record)
      state.status = 'rejected'
      state.reason = reason
      finish(record)
      emit({ type: 'rejected', order: snapshotOf(record) })
    },
    fill(record, fill) {
      const state = mutable(record)
      record.cost += fill.price * fill.amount
      state.filled = roundToStep(state.filled + fill.amount, record.instrument?.stepSize ?? 1e-12)
      state.averagePrice = record.cost / state.filled
      state.status = remainingOf(record) > 0 ? 'partially_filled' : 'filled'
      fills.push(fill)
      finish(record)
      emit({ type: state.status === 'filled' ? 'filled' : 'partially_filled', order: snapshotOf(record), fill: { ...fill } })
    },
    cancel(record, reason) {
      const state = mutable(record)
      state.status = 'cancelled'
      state.reason = reason
      finish(record)
      emit({ type: 'cancelled', order: snapshotOf(record) })
    },
    amend(record, price, amount) {
      const state = mutable(record)
      state.price = price
      state.amount = amount
      // A new size or price queues behind orders already at that price, as on most venues.
      record.seq = ++seqCounter
      emit({ type: 'amended', order: snapshotOf(record) })
    },
    // A Set iterates in insertion order, which is acceptance order.
    open: (symbol) => [...live].filter((r) => symbol === undefined || r.state.symbol === symbol),
    fillsSince: (since, symbol) => fills.filter((f) => f.timestamp >= since && (symbol === undefined || f.symbol === symbol)).map((f) => ({ ...f })),
    nextTradeId: () => `${idPrefix}-t${++tradeCounter}`,
    systemClientOrderId(prefix) {
      let id = `${prefix}${++systemCounter}`
      while (records.has(id)) id = `${prefix}${++systemCounter}`
      return id
    },
  }
}
