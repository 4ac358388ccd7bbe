import type { MarketSymbol } from '../../shared/domain/market'
import type { Balance, ClientOrderId, Fill, OrderRequest, OrderState, Position } from '../../shared/domain/order'
import type { VenueCapabilities } from '../../shared/domain/venue'

export interface OrderRef {
  clientOrderId: ClientOrderId
  symbol: MarketSymbol
}

export interface OrderAmendment {
  amount?: number
  price?: number
}

/** What a venue tells us happened to our orders, pushed as it happens. */
export type ExecutionEvent =
  | { type: 'accepted'; order: OrderState }
  | { type: 'rejected'; order: OrderState }
  | { type: 'partially_filled'; order: OrderState; fill: Fill }
  | { type: 'filled'; order: OrderState; fill: Fill }
  | { type: 'cancelled'; order: OrderState }
  | { type: 'expired'; order: OrderState }
  | { type: 'amended'; order: OrderState }

/**
 * Orders on one venue account. Every method throws only VenueError. `submit`
 * resolves with the venue's acknowledgement; fills and later state changes
 * arrive as events (and can be queried, for reconciliation after a gap).
 */
export interface ExecutionClient {
  readonly venue: string
  readonly capabilities: VenueCapabilities
  submit(order: OrderRequest): Promise<OrderState>
  cancel(ref: OrderRef): Promise<OrderState>
  amend(ref: OrderRef, changes: OrderAmendment): Promise<OrderState>
  /** The order by our client id, or null if the venue has never seen it. */
  queryOrder(ref: OrderRef): Promise<OrderState | null>
  openOrders(symbol?: MarketSymbol): Promise<OrderState[]>
  fillsSince(since: number, symbol?: MarketSymbol): Promise<Fill[]>
  balances(): Promise<Balance[]>
  positions(): Promise<Position[]>
  /** Sets the leverage used for new positions on a perpetual; rejects above the instrument's maximum. */
  setLeverage(symbol: MarketSymbol, leverage: number): Promise<void>
  onEvent(listener: (event: ExecutionEvent) => void): () => void
  /**
   * The venue's dead-man switch (OKX cancel-all-after), where it has one:
   * unless called again within `timeoutMs`, the venue cancels every open order
   * of the account; 0 turns it off. Absent on venues without such a switch.
   */
  cancelAllAfter?(timeoutMs: number): Promise<void>
  close(): Promise<void>
}
