// The MarketStore interface itself lives in ports/market-store.ts: the kernel owns it, this adapter implements it.
export { openMarketStore } from './market-store'
export { MarketStoreOpenError } from './open-market-database'
export { LATEST_MARKET_SCHEMA } from './market-migrations'
