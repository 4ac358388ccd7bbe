/**
 * Public types of the fake OKX server. These are a contract with the ccxt
 * adapter's tests and the conformance suite: add fields, never rename.
 */

export type InstType = 'SPOT' | 'SWAP'
export type Side = 'buy' | 'sell'
/** [price, size]; size is in contracts for SWAP and in base currency for SPOT, as on OKX. */
export type Level = [number, number]

export interface FakeInstrument {
  /** OKX instrument id, e.g. 'BTC-USDT-SWAP' or 'BTC-USDT'. */
  instId: string
  instType: InstType
  baseCcy: string
  quoteCcy: string
  /** SWAP only: the margin/settlement currency (USDT for linear swaps). */
  settleCcy?: string
  /** SWAP only: contract value in baseCcy (0.01 means one contract is 0.01 BTC). */
  ctVal?: number
  tickSz: number
  lotSz: number
  minSz: number
  /** SWAP only: maximum leverage. */
  maxLever?: number
  /** Reference price: seeds the default book, the last price, the mark and the candle history. */
  price: number
  /** Starting book; generated around `price` when absent. */
  book?: { bids: Level[]; asks: Level[] }
}

export type FakeOrderState = 'live' | 'partially_filled' | 'filled' | 'canceled'
export type FakeOrdType = 'market' | 'limit' | 'post_only' | 'ioc' | 'fok' | 'optimal_limit_ioc'

export interface FakeFill {
  tradeId: string
  billId: string
  ordId: string
  clOrdId: string
  instId: string
  instType: InstType
  side: Side
  fillPx: number
  /** Contracts for SWAP, base currency for SPOT. */
  fillSz: number
  /** 'T' taker (crossed the book when placed), 'M' maker (filled later by printTrade). */
  execType: 'T' | 'M'
  /** OKX sign convention: negative means the account paid the fee. */
  fee: number
  feeCcy: string
  /** Realized PnL of this fill (SWAP closing fills), 0 otherwise. */
  fillPnl: number
  ts: number
}

export interface FakeOrder {
  ordId: string
  clOrdId: string
  tag: string
  instId: string
  instType: InstType
  side: Side
  ordType: FakeOrdType
  /** 'cash' for spot, 'cross' or 'isolated' for swaps (the fake margins both as cross). */
  tdMode: string
  /** SPOT only: 'base_ccy' or 'quote_ccy' (market buys sized in quote); '' for swaps. */
  tgtCcy: string
  /** Limit price; null for market orders. */
  px: number | null
  /** As sent: contracts (SWAP), base (SPOT), or quote for a quote_ccy market buy. */
  sz: number
  reduceOnly: boolean
  state: FakeOrderState
  /** Filled size in contracts (SWAP) or base (SPOT). */
  accFillSz: number
  avgPx: number
  /** Accumulated fee, OKX sign (negative = paid). */
  fee: number
  feeCcy: string
  /** Accumulated realized PnL. */
  pnl: number
  lever: number
  /**
   * OKX cancelSource when canceled, '' otherwise: '1' by user, '13' FOK not fully fillable,
   * '14' IOC/market remainder, '20' cancel-all-after fired, '31' post-only would have taken liquidity.
   */
  cancelSource: string
  cTime: number
  uTime: number
  fills: FakeFill[]
}

export interface FakePosition {
  instId: string
  /** Signed contracts: > 0 long, < 0 short (net mode). */
  pos: number
  avgPx: number
  markPx: number
  upl: number
  realizedPnl: number
  lever: number
  mgnMode: string
  cTime: number
  uTime: number
}

export interface FakeOkxOptions {
  instruments?: FakeInstrument[]
  apiKey?: string
  secret?: string
  passphrase?: string
  /** Starting cash per currency. Default { USDT: 100000, BTC: 1, ETH: 10 }. */
  balances?: Record<string, number>
  /** Minutes of synthetic 1m candle history seeded before now (default 1440; 0 for none). */
  candleHistoryMinutes?: number
}

export interface RequestLogEntry {
  method: string
  /** Path without the query string, e.g. '/api/v5/trade/order'. */
  path: string
  /** Raw query string without '?', '' when none. */
  query: string
  at: number
  /** The request carried `x-simulated-trading: 1` (ccxt sends it in sandbox mode; the fake accepts both). */
  simulated: boolean
}

export interface FakeOkxFaults {
  /** Delays every REST response and every WS frame by `ms` until set again (0 turns it off). */
  latency(ms: number): void
  /** The next `n` REST requests answer "Too Many Requests": HTTP 429 + code 50011, or HTTP 200 + code 50011. */
  rateLimit(n: number, how: 'http429' | 'code50011'): void
  /** The next `n` REST requests answer HTTP 503 with a non-JSON body. */
  serverError(n: number): void
  /** The next `n` order placements are executed but never answered; the socket hangs until the client gives up. */
  timeoutAfterAccept(n: number): void
  /** Terminates every open WebSocket connection now (abnormal close, code 1006 on the client). */
  dropWebSockets(): void
  /** The next book update of `instId` skips a seqId, so its prevSeqId does not match the last pushed seqId. */
  sequenceGap(instId: string): void
  /**
   * The next book push ('books' channel) of `instId` is broken: 'json' (default) sends truncated JSON,
   * 'shape' sends valid JSON whose data has the wrong shape. Either way that update's seqId is consumed,
   * as if the frame had been lost.
   */
  malformedFrame(instId: string, kind?: 'json' | 'shape'): void
  /** The next market or crossing order fills only `ratio` of its size (rounded down to the lot); the rest rests (limit) or is canceled (market/IOC/FOK). */
  partialFill(ratio: number): void
  /** The next order placement is answered with sCode=`code`, sMsg=`msg` and is not placed. */
  rejectWithCode(code: string, msg: string): void
}

export interface CancelAllAfterState {
  /** Seconds as sent; the switch is off when no state is returned. */
  timeOut: number
  /** ms epoch when all orders get canceled unless renewed. */
  triggerTime: number
  setAt: number
}

export interface FakeOkx {
  readonly port: number
  readonly restUrl: string
  readonly wsUrl: string
  readonly credentials: { apiKey: string; secret: string; password: string }
  setBook(instId: string, bids: Level[], asks: Level[]): void
  printTrade(instId: string, price: number, size: number, side: Side): void
  setMarkPrice(instId: string, price: number): void
  setFundingRate(instId: string, rate: number, nextFundingTime: number): void
  orders(): FakeOrder[]
  requests(): RequestLogEntry[]
  faults: FakeOkxFaults
  close(): Promise<void>
  // Extras beyond the original brief, for inspection.
  positions(): FakePosition[]
  /** Cash balance per currency (fees and realized PnL included, unrealized PnL excluded). */
  balances(): Record<string, number>
  /** The dead-man switch last set through /api/v5/trade/cancel-all-after, or null when off. */
  cancelAllAfter(): CancelAllAfterState | null
  /** Leverage set per instId through /api/v5/account/set-leverage (default 10). */
  leverage(instId: string): number
  /** Live WS subscriptions, to wait until a client is subscribed before making it happen. */
  subscriptions(): WsSubscription[]
}

export interface WsSubscription {
  endpoint: 'public' | 'private' | 'business'
  connId: string
  /** The arg as subscribed, e.g. { channel: 'books', instId: 'BTC-USDT-SWAP' }. */
  arg: Record<string, string>
}
