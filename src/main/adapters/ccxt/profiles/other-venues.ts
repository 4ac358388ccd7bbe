import type { VenueProfile } from './venue-profile'

/**
 * Venues the user can select with their declared capabilities. They run on
 * the same generic adapter; none has a demo or testnet that ccxt reaches,
 * except Paradex's testnet.
 */

const noCancelReasons = { cancelReasons: {}, cancelReasonField: null, wire: null, ccxtOptions: {}, streamedFeeSign: 1 } as const

export const COINBASE_PROFILE: VenueProfile = {
  id: 'coinbase',
  ccxtId: 'coinbase',
  name: 'Coinbase Advanced',
  marketTypes: ['spot'],
  demo: null,
  capabilities: {
    marketTypes: ['spot'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    reduceOnly: false,
    amend: true,
    websocket: { ticker: true, book: true, trades: true, candles: false, orders: true },
    demoMode: false,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: false, funding: false, mark: false, orders: true, myTrades: false },
  unwatch: { ticker: true, book: false, trades: true, candles: false },
  rateLimits: [
    {
      id: 'private',
      limit: 30,
      windowMs: 1000,
      scope: 'venue',
      endpoints: ['place', 'amend', 'cancel', 'order_query', 'open_orders', 'fills', 'balance', 'positions'],
      source: 'https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits: private 30 requests/s per user',
    },
    {
      id: 'public',
      limit: 10,
      windowMs: 1000,
      scope: 'venue',
      endpoints: ['instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles'],
      source: 'https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits: public 10 requests/s per IP',
    },
  ],
  clientOrderId: { spot: { pattern: /^[A-Za-z0-9_-]{1,128}$/, description: 'client_order_id: up to 128 characters' } },
  swapMarginMode: null,
  clientOrderIdField: 'client_order_id',
  rejectCodes: {},
  rejectMessages: [
    [/INSUFFICIENT_FUND/i, 'insufficient_funds'],
    [/INVALID_LIMIT_PRICE_POST_ONLY/i, 'post_only_would_take'],
    [/INVALID_SIZE_PRECISION|ORDER_SIZE/i, 'invalid_size'],
    [/INVALID_PRICE_PRECISION/i, 'invalid_price'],
  ],
  ...noCancelReasons,
}

export const KRAKEN_PROFILE: VenueProfile = {
  id: 'kraken',
  ccxtId: 'kraken',
  name: 'Kraken',
  marketTypes: ['spot'],
  demo: null,
  capabilities: {
    marketTypes: ['spot'],
    orderTypes: ['market', 'limit'],
    // Kraken spot has no fill-or-kill.
    timeInForce: ['GTC', 'IOC'],
    postOnly: true,
    reduceOnly: false,
    // ccxt's editOrder on Kraken replaces the order under a new id.
    amend: false,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: false,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: true, funding: false, mark: false, orders: true, myTrades: true },
  unwatch: { ticker: false, book: false, trades: false, candles: false },
  rateLimits: [
    // Kraken's counters decay continuously; these windows are their sustained rates at the starter tier.
    {
      id: 'public',
      limit: 1,
      windowMs: 1000,
      scope: 'venue',
      endpoints: ['instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles'],
      source: 'https://support.kraken.com/articles/206548367: public about 1 request/s per IP',
    },
    {
      id: 'private-counter',
      limit: 15,
      windowMs: 45_000,
      scope: 'venue',
      endpoints: ['order_query', 'open_orders', 'fills', 'balance'],
      cost: { fills: 2 },
      source: 'https://support.kraken.com/articles/206548367: counter max 15, decay 0.33/s (starter)',
    },
    {
      id: 'trading-per-pair',
      limit: 60,
      windowMs: 60_000,
      scope: 'instrument',
      endpoints: ['place', 'amend', 'cancel'],
      source: 'https://support.kraken.com/articles/206548367: trading counter 60 per pair, decay 1/s (starter)',
    },
  ],
  clientOrderId: { spot: { pattern: /^[A-Za-z0-9]{1,18}$/, description: 'cl_ord_id: up to 18 letters or digits' } },
  swapMarginMode: null,
  clientOrderIdField: 'cl_ord_id',
  rejectCodes: {},
  rejectMessages: [
    [/Insufficient funds/i, 'insufficient_funds'],
    [/Post only order/i, 'post_only_would_take'],
    [/volume minimum not met|Invalid arguments:volume/i, 'invalid_size'],
    [/Invalid price/i, 'invalid_price'],
  ],
  ...noCancelReasons,
}

export const HTX_PROFILE: VenueProfile = {
  id: 'htx',
  ccxtId: 'htx',
  name: 'HTX',
  marketTypes: ['spot', 'swap'],
  demo: null,
  capabilities: {
    marketTypes: ['spot', 'swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    // ccxt declares createReduceOnlyOrder false for HTX.
    reduceOnly: false,
    amend: false,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: false,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: true, funding: false, mark: false, orders: true, myTrades: true },
  unwatch: { ticker: true, book: true, trades: true, candles: true },
  rateLimits: [
    {
      id: 'trade',
      limit: 100,
      windowMs: 2000,
      scope: 'venue',
      endpoints: ['place', 'amend', 'cancel'],
      source: 'https://huobiapi.github.io/docs/spot/v1/en/#rate-limiting-rule: trading 100 per 2 s per UID',
    },
    {
      id: 'query',
      limit: 50,
      windowMs: 2000,
      scope: 'venue',
      endpoints: ['order_query', 'open_orders', 'fills', 'balance', 'positions', 'leverage'],
      source: 'https://huobiapi.github.io/docs/spot/v1/en/#rate-limiting-rule: queries 50 per 2 s per UID',
    },
    {
      id: 'public',
      limit: 120,
      windowMs: 3000,
      scope: 'venue',
      endpoints: ['instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles', 'funding', 'mark'],
      source: 'https://huobiapi.github.io/docs/spot/v1/en/#rate-limiting-rule: public 120 per 3 s per IP',
    },
  ],
  clientOrderId: {
    spot: { pattern: /^[A-Za-z0-9_-]{1,64}$/, description: 'client-order-id: up to 64 characters' },
    // Linear swaps take a positive 64-bit integer, so our alphanumeric ids only fit when all digits.
    swap: { pattern: /^[1-9][0-9]{0,17}$/, description: 'client_order_id: a positive integer of up to 18 digits' },
  },
  swapMarginMode: 'cross',
  clientOrderIdField: 'client-order-id',
  rejectCodes: {},
  rejectMessages: [
    [/insufficient/i, 'insufficient_funds'],
    [/client-order-id.*(duplicate|exist)/i, 'duplicate_client_order_id'],
    [/order-value-min|order-amount|amount precision/i, 'invalid_size'],
    [/price precision|order-price/i, 'invalid_price'],
  ],
  ...noCancelReasons,
}

export const PARADEX_PROFILE: VenueProfile = {
  id: 'paradex',
  ccxtId: 'paradex',
  name: 'Paradex',
  marketTypes: ['swap'],
  demo: 'sandbox',
  capabilities: {
    marketTypes: ['swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC'],
    postOnly: true,
    reduceOnly: false,
    amend: true,
    websocket: { ticker: true, book: true, trades: true, candles: false, orders: true },
    demoMode: true,
    fetchHistory: true,
  },
  streams: { ticker: true, book: true, trades: true, candles: false, funding: true, mark: false, orders: true, myTrades: false },
  unwatch: { ticker: false, book: false, trades: false, candles: false },
  rateLimits: [
    { id: 'orders', limit: 800, windowMs: 1000, scope: 'venue', endpoints: ['place', 'amend', 'cancel'], source: 'https://docs.paradex.trade/api/general-information/rate-limits/api: orders 800/s per account' },
    { id: 'orders-minute', limit: 17_250, windowMs: 60_000, scope: 'venue', endpoints: ['place', 'amend', 'cancel'], source: 'https://docs.paradex.trade/api/general-information/rate-limits/api: orders 17250/min per account' },
    {
      id: 'private-get',
      limit: 600,
      windowMs: 60_000,
      scope: 'venue',
      endpoints: ['order_query', 'open_orders', 'fills', 'balance', 'positions', 'leverage'],
      source: 'https://docs.paradex.trade/api/general-information/rate-limits/api: GET 120/s or 600/min per account',
    },
    {
      id: 'ip',
      limit: 1500,
      windowMs: 60_000,
      scope: 'venue',
      endpoints: ['instruments', 'ticker', 'book', 'trades', 'candles', 'history_candles', 'funding', 'mark', 'order_query', 'open_orders', 'fills', 'balance', 'positions', 'leverage'],
      source: 'https://docs.paradex.trade/api/general-information/rate-limits/api: 1500/min per IP',
    },
  ],
  clientOrderId: { swap: { pattern: /^[A-Za-z0-9_-]{1,64}$/, description: 'client_id: up to 64 characters' } },
  swapMarginMode: null,
  clientOrderIdField: 'client_id',
  rejectCodes: {},
  rejectMessages: [
    [/INSUFFICIENT_(MARGIN|BALANCE)/i, 'insufficient_funds'],
    [/POST_ONLY_WOULD_CROSS/i, 'post_only_would_take'],
    [/ORDER_SIZE|INVALID_SIZE/i, 'invalid_size'],
    [/PRICE_(PRECISION|OUT_OF)/i, 'invalid_price'],
    [/DUPLICATE_CLIENT_ID/i, 'duplicate_client_order_id'],
  ],
  ...noCancelReasons,
}
