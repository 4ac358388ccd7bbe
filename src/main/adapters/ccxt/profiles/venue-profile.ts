import type { MarketType } from '../../../../shared/domain/market'
import type { RejectReason, VenueCapabilities } from '../../../../shared/domain/venue'

/**
 * The kinds of request the discipline layer tells apart. Venues publish their
 * limits per endpoint, and these classes are the common denominator: each
 * profile maps its published limits onto them.
 */
export const ENDPOINT_CLASSES = [
  'place',
  'amend',
  'cancel',
  'order_query',
  'open_orders',
  'fills',
  'balance',
  'positions',
  'leverage',
  'instruments',
  'ticker',
  'book',
  'trades',
  'candles',
  'history_candles',
  'funding',
  'mark',
] as const
export type EndpointClass = (typeof ENDPOINT_CLASSES)[number]

/**
 * One published limit: at most `limit` cost units per `windowMs`, counted for
 * the whole venue account/IP or separately per instrument. A request consumes
 * from every rule that lists its endpoint class.
 */
export interface RateLimitRule {
  id: string
  limit: number
  windowMs: number
  scope: 'venue' | 'instrument'
  endpoints: readonly EndpointClass[]
  /** Cost per endpoint when the venue counts weights (Binance); 1 when absent. */
  cost?: Partial<Record<EndpointClass, number>>
  /** Where the figure comes from, so a reader can check it when the venue changes it. */
  source: string
}

/** What the venue accepts as a client order id, per market type. */
export interface ClientOrderIdRule {
  pattern: RegExp
  description: string
}

/** How demo money is reached: ccxt's sandbox URLs, or the venue's separate demo-trading URLs. */
export type DemoMethod = 'sandbox' | 'demo_trading' | null

/** Which streams ccxt serves over WebSocket for this venue; the rest are polled over REST. */
export interface StreamSupport {
  ticker: boolean
  book: boolean
  trades: boolean
  candles: boolean
  funding: boolean
  mark: boolean
  orders: boolean
  myTrades: boolean
}

/** ccxt method names used to stop a stream, when the venue has them. */
export interface UnwatchSupport {
  ticker: boolean
  book: boolean
  trades: boolean
  candles: boolean
}

/**
 * A venue's settings as data: everything the generic adapter needs to know
 * about one venue that ccxt does not already normalise.
 */
export interface VenueProfile {
  /** Our venue id, the ccxt id unless stated otherwise. */
  id: string
  ccxtId: string
  name: string
  marketTypes: readonly MarketType[]
  demo: DemoMethod
  capabilities: VenueCapabilities
  streams: StreamSupport
  unwatch: UnwatchSupport
  rateLimits: readonly RateLimitRule[]
  clientOrderId: Readonly<Partial<Record<MarketType, ClientOrderIdRule>>>
  /** Margin mode sent with swap orders ('cross' on OKX, as tdMode). */
  swapMarginMode: 'cross' | 'isolated' | null
  /**
   * Sign to apply to fees of trades streamed by ccxt's watchMyTrades: ccxt's
   * okx passes OKX's own sign through there (negative = paid) while its REST
   * trades are normalised (positive = paid). 1 where ccxt is consistent.
   */
  streamedFeeSign: 1 | -1
  /** The field of a raw order or trade (`info`) that carries our client order id. */
  clientOrderIdField: string
  /** Venue error codes whose meaning ccxt's error classes do not carry precisely enough. */
  rejectCodes: Readonly<Record<string, RejectReason>>
  /** Phrases in a venue's error text that name the reason when its code is too broad (Binance -2010). */
  rejectMessages: readonly (readonly [RegExp, RejectReason])[]
  /** Venue codes for why an order was cancelled, as readable text (OKX cancelSource). */
  cancelReasons: Readonly<Record<string, string>>
  /** The raw field of an order that holds the cancel reason code, when the venue has one. */
  cancelReasonField: string | null
  /** ccxt options merged into the instance's own (e.g. which market types to load). */
  ccxtOptions: Readonly<Record<string, unknown>>
  /** Decoder of the venue's raw WebSocket frames, for venues whose book sequence we check ourselves. */
  wire: 'okx' | null
}
