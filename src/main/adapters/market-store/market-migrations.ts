/**
 * Numbered migrations of the market data file, applied in order at open.
 * Never edit a shipped migration: append one. `PRAGMA user_version` records
 * the last applied. This file is separate from the profile database: market
 * data is bulky, shared across profiles and safe to delete.
 */
export interface MarketMigration {
  version: number
  name: string
  sql: string
}

export const MARKET_MIGRATIONS: readonly MarketMigration[] = [
  {
    version: 1,
    name: 'candles and trades',
    sql: `
      -- One row per candle; the key makes an upsert of the same candle idempotent.
      CREATE TABLE candles (
        venue     TEXT NOT NULL,
        symbol    TEXT NOT NULL,
        timeframe TEXT NOT NULL,
        ts        INTEGER NOT NULL,
        open      REAL NOT NULL,
        high      REAL NOT NULL,
        low       REAL NOT NULL,
        close     REAL NOT NULL,
        volume    REAL NOT NULL,
        PRIMARY KEY (venue, symbol, timeframe, ts)
      ) STRICT, WITHOUT ROWID;

      -- Trades are immutable and keyed by the venue's trade id, so replays and re-downloads de-duplicate.
      CREATE TABLE trades (
        venue  TEXT NOT NULL,
        symbol TEXT NOT NULL,
        id     TEXT NOT NULL,
        ts     INTEGER NOT NULL,
        price  REAL NOT NULL,
        amount REAL NOT NULL,
        side   TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        PRIMARY KEY (venue, symbol, id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX trades_by_time ON trades (venue, symbol, ts);
    `,
  },
]

export const LATEST_MARKET_SCHEMA = MARKET_MIGRATIONS.at(-1)!.version
