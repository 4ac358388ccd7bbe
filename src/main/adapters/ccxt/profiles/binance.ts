import type { RejectReason } from '../../../../shared/domain/venue'
import type { RateLimitRule, VenueProfile } from './venue-profile'

const SPOT_DOC = 'https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits'
const FUTURES_DOC = 'https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info#limits'

/** Binance answers most refusals with -2010/-1013 and names the cause in the text. */
const BINANCE_MESSAGES: readonly (readonly [RegExp, RejectReason])[] = [
  [/would immediately (match and )?take/i, 'post_only_would_take'],
  [/duplicate/i, 'duplicate_client_order_id'],
  [/insufficient (balance|margin)/i, 'insufficient_funds'],
  [/LOT_SIZE|MARKET_LOT_SIZE|quantity/i, 'invalid_size'],
  [/PRICE_FILTER|PERCENT_PRICE|price/i, 'invalid_price'],
  [/reduce ?only/i, 'reduce_only_would_increase'],
]

// Every request costs weight against one per-IP budget; orders also count against the order budgets.
const spotWeights: RateLimitRule = {
  id: 'request-weight',
  limit: 6000,
  windowMs: 60_000,
  scope: 'venue',
  endpoints: ['place', 'amend', 'cancel', 'order_query', 'open_orders', 'fills', 'balance', 'instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles'],
  cost: { place: 1, amend: 1, cancel: 1, order_query: 4, open_orders: 6, fills: 20, balance: 20, instruments: 20, ticker: 2, book: 5, trades: 25, candles: 2, history_candles: 2 },
  source: `${SPOT_DOC}: REQUEST_WEIGHT 6000 per minute`,
}

const futuresWeights: RateLimitRule = {
  id: 'request-weight',
  limit: 2400,
  windowMs: 60_000,
  scope: 'venue',
  endpoints: ['place', 'amend', 'cancel', 'order_query', 'open_orders', 'fills', 'balance', 'positions', 'leverage', 'instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles', 'funding', 'mark'],
  cost: { place: 1, amend: 1, cancel: 1, order_query: 1, open_orders: 1, fills: 5, balance: 5, positions: 5, leverage: 1, instruments: 1, ticker: 2, book: 5, trades: 5, candles: 2, history_candles: 5, funding: 1, mark: 1 },
  source: `${FUTURES_DOC}: REQUEST_WEIGHT 2400 per minute`,
}

export const BINANCE_PROFILE: VenueProfile = {
  id: 'binance',
  ccxtId: 'binance',
  name: 'Binance',
  marketTypes: ['spot'],
  demo: 'sandbox',
  capabilities: {
    marketTypes: ['spot'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    reduceOnly: false,
    // ccxt edits spot orders by cancel-replace, which changes the order id: not an amend in our sense.
    amend: false,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: true,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: true, funding: false, mark: false, orders: true, myTrades: true },
  unwatch: { ticker: true, book: true, trades: true, candles: true },
  rateLimits: [
    spotWeights,
    { id: 'orders-10s', limit: 100, windowMs: 10_000, scope: 'venue', endpoints: ['place'], source: `${SPOT_DOC}: ORDERS 100 per 10 s` },
  ],
  clientOrderId: { spot: { pattern: /^[.A-Z:/a-z0-9_-]{1,36}$/, description: 'newClientOrderId: 1-36 of letters, digits and .:/_-' } },
  swapMarginMode: null,
  streamedFeeSign: 1,
  clientOrderIdField: 'clientOrderId',
  rejectCodes: { '-2011': 'order_not_open', '-2013': 'order_not_open', '-1121': 'unknown_symbol' },
  rejectMessages: BINANCE_MESSAGES,
  cancelReasons: {},
  cancelReasonField: null,
  ccxtOptions: { fetchMarkets: { types: ['spot'] } },
  wire: null,
}

/** USDⓈ-M futures; ccxt retired the futures testnet, so demo money goes through demo trading. */
export const BINANCE_USDM_PROFILE: VenueProfile = {
  id: 'binanceusdm',
  ccxtId: 'binanceusdm',
  name: 'Binance USDⓈ-M',
  marketTypes: ['swap'],
  demo: 'demo_trading',
  capabilities: {
    marketTypes: ['swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    reduceOnly: true,
    amend: true,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: true,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: true, funding: false, mark: true, orders: true, myTrades: true },
  unwatch: { ticker: true, book: true, trades: true, candles: true },
  rateLimits: [
    futuresWeights,
    { id: 'orders-10s', limit: 300, windowMs: 10_000, scope: 'venue', endpoints: ['place', 'amend'], source: `${FUTURES_DOC}: ORDERS 300 per 10 s` },
    { id: 'orders-1m', limit: 1200, windowMs: 60_000, scope: 'venue', endpoints: ['place', 'amend'], source: `${FUTURES_DOC}: ORDERS 1200 per minute` },
  ],
  clientOrderId: { swap: { pattern: /^[.A-Z:/a-z0-9_-]{1,36}$/, description: 'newClientOrderId: 1-36 of letters, digits and .:/_-' } },
  swapMarginMode: 'cross',
  streamedFeeSign: 1,
  clientOrderIdField: 'clientOrderId',
  rejectCodes: {
    '-2011': 'order_not_open',
    '-2013': 'order_not_open',
    '-2022': 'reduce_only_would_increase',
    '-5022': 'post_only_would_take',
    '-4116': 'duplicate_client_order_id',
    '-2019': 'insufficient_funds',
    '-4164': 'invalid_size',
    '-1121': 'unknown_symbol',
  },
  rejectMessages: BINANCE_MESSAGES,
  cancelReasons: {},
  cancelReasonField: null,
  ccxtOptions: { fetchMarkets: { types: ['linear'] } },
  wire: null,
}
