import type { VenueProfile } from './venue-profile'

const DOC = 'https://bybit-exchange.github.io/docs/v5/rate-limit'

/** Bybit v5 unified account: spot and USDT perpetuals, testnet through ccxt's sandbox mode. */
export const BYBIT_PROFILE: VenueProfile = {
  id: 'bybit',
  ccxtId: 'bybit',
  name: 'Bybit',
  marketTypes: ['spot', 'swap'],
  demo: 'sandbox',
  capabilities: {
    marketTypes: ['spot', 'swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    reduceOnly: true,
    amend: true,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: true,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: true, funding: false, mark: false, orders: true, myTrades: true },
  unwatch: { ticker: true, book: true, trades: true, candles: true },
  rateLimits: [
    // Per UID and endpoint, rolling one-second windows (default tier, unified account).
    { id: 'create', limit: 10, windowMs: 1000, scope: 'venue', endpoints: ['place'], source: `${DOC}: /v5/order/create 10/s (futures; spot 20/s)` },
    { id: 'amend', limit: 10, windowMs: 1000, scope: 'venue', endpoints: ['amend'], source: `${DOC}: /v5/order/amend 10/s` },
    { id: 'cancel', limit: 10, windowMs: 1000, scope: 'venue', endpoints: ['cancel'], source: `${DOC}: /v5/order/cancel 10/s` },
    { id: 'order-realtime', limit: 50, windowMs: 1000, scope: 'venue', endpoints: ['order_query', 'open_orders'], source: `${DOC}: /v5/order/realtime 50/s` },
    { id: 'execution-list', limit: 50, windowMs: 1000, scope: 'venue', endpoints: ['fills'], source: `${DOC}: /v5/execution/list 50/s` },
    { id: 'wallet-balance', limit: 50, windowMs: 1000, scope: 'venue', endpoints: ['balance'], source: `${DOC}: /v5/account/wallet-balance 50/s` },
    { id: 'position-list', limit: 50, windowMs: 1000, scope: 'venue', endpoints: ['positions'], source: `${DOC}: /v5/position/list 50/s` },
    { id: 'set-leverage', limit: 10, windowMs: 1000, scope: 'venue', endpoints: ['leverage'], source: `${DOC}: /v5/position/set-leverage 10/s` },
    // Everything also counts against the per-IP budget of 600 requests per 5 s.
    {
      id: 'ip',
      limit: 600,
      windowMs: 5000,
      scope: 'venue',
      endpoints: ['place', 'amend', 'cancel', 'order_query', 'open_orders', 'fills', 'balance', 'positions', 'leverage', 'instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles', 'funding', 'mark'],
      source: `${DOC}: HTTP IP limit 600 per 5 s`,
    },
  ],
  clientOrderId: {
    spot: { pattern: /^[A-Za-z0-9_-]{1,36}$/, description: 'orderLinkId: 1-36 of letters, digits, - and _' },
    swap: { pattern: /^[A-Za-z0-9_-]{1,36}$/, description: 'orderLinkId: 1-36 of letters, digits, - and _' },
  },
  swapMarginMode: null,
  streamedFeeSign: 1,
  clientOrderIdField: 'orderLinkId',
  rejectCodes: {
    '110072': 'duplicate_client_order_id',
    '170141': 'duplicate_client_order_id',
    '110007': 'insufficient_funds',
    '110012': 'insufficient_funds',
    '110004': 'insufficient_funds',
    '170131': 'insufficient_funds',
    '110017': 'reduce_only_would_increase',
    '170218': 'post_only_would_take',
    '170136': 'invalid_size',
    '170137': 'invalid_size',
    '170134': 'invalid_price',
    '110003': 'invalid_price',
    '110001': 'order_not_open',
    '170213': 'order_not_open',
  },
  rejectMessages: [[/PostOnlyWillTakeLiquidity/i, 'post_only_would_take']],
  cancelReasons: {
    EC_PostOnlyWillTakeLiquidity: 'post_only_would_take',
    EC_NoImmediateQtyToFill: 'ioc_remainder',
    EC_FokUnfilled: 'fill_or_kill_unfillable',
    EC_ReduceOnlyWillIncreasePosition: 'reduce_only_would_increase',
    EC_PerCancelRequest: 'user',
  },
  cancelReasonField: 'rejectReason',
  ccxtOptions: { fetchMarkets: { types: ['spot', 'linear'] } },
  wire: null,
}
