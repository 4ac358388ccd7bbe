/**
 * Numbered schema migrations, applied in order at start. Never edit a shipped
 * migration: append a new one. `PRAGMA user_version` records the last applied.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings and audit log',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        at        INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        actor     TEXT NOT NULL,
        subject   TEXT,
        payload   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL UNIQUE
      ) STRICT;

      -- The head lets the verifier notice rows removed from the end of the chain.
      CREATE TABLE audit_head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;

      -- Append-only: the application can never change or remove a row by accident.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'order journal',
    // Written through a connection with synchronous=FULL (sqlite-order-journal.ts):
    // an order row is on disk before its request leaves.
    sql: `
      CREATE TABLE orders (
        client_order_id TEXT PRIMARY KEY NOT NULL,
        intent_id       TEXT UNIQUE,
        account_id      TEXT NOT NULL,
        venue           TEXT NOT NULL,
        symbol          TEXT NOT NULL,
        side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        type            TEXT NOT NULL CHECK (type IN ('market', 'limit')),
        time_in_force   TEXT NOT NULL CHECK (time_in_force IN ('GTC', 'IOC', 'FOK')),
        amount          REAL NOT NULL,
        price           REAL,
        post_only       INTEGER NOT NULL,
        reduce_only     INTEGER NOT NULL,
        intent          TEXT,
        status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'unknown', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')),
        venue_order_id  TEXT,
        filled          REAL NOT NULL DEFAULT 0,
        average_price   REAL,
        reason          TEXT,
        last_error      TEXT,
        send_attempts   INTEGER NOT NULL DEFAULT 0,
        imported        INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        expires_at      INTEGER,
        -- Every order we placed came from an intent; only imported ones lack it.
        CHECK ((intent IS NULL) = (imported = 1))
      ) STRICT;
      CREATE INDEX orders_by_account_status ON orders (account_id, status);
      CREATE INDEX orders_by_venue_order_id ON orders (account_id, venue_order_id);

      -- Trade ids are unique per instrument on OKX, and every paper account
      -- runs its own simulated venue: so one fill is one (account, venue, symbol, trade id).
      CREATE TABLE fills (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id      TEXT NOT NULL,
        venue           TEXT NOT NULL,
        symbol          TEXT NOT NULL,
        trade_id        TEXT NOT NULL,
        client_order_id TEXT,
        venue_order_id  TEXT,
        side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        price           REAL NOT NULL,
        amount          REAL NOT NULL,
        fee             REAL NOT NULL,
        fee_currency    TEXT NOT NULL,
        liquidity       TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
        timestamp       INTEGER NOT NULL,
        recorded_at     INTEGER NOT NULL,
        UNIQUE (account_id, venue, symbol, trade_id)
      ) STRICT;
      CREATE INDEX fills_by_account_time ON fills (account_id, timestamp);
      CREATE INDEX fills_by_order ON fills (client_order_id);

      -- A terminal order keeps its status, reason and venue id; only a fill
      -- learned late may still raise its filled amount. The adapter checks
      -- first with a readable error; this is the backstop.
      CREATE TRIGGER orders_terminal_is_final BEFORE UPDATE ON orders
        WHEN OLD.status IN ('filled', 'cancelled', 'rejected', 'expired') AND (
          NEW.status IS NOT OLD.status OR NEW.reason IS NOT OLD.reason OR NEW.filled < OLD.filled
          OR (OLD.venue_order_id IS NOT NULL AND NEW.venue_order_id IS NOT OLD.venue_order_id))
        BEGIN SELECT RAISE(ABORT, 'orders: a terminal order cannot change'); END;
      CREATE TRIGGER orders_identity_is_fixed BEFORE UPDATE ON orders
        WHEN NEW.client_order_id IS NOT OLD.client_order_id OR NEW.intent_id IS NOT OLD.intent_id OR NEW.intent IS NOT OLD.intent
          OR NEW.account_id IS NOT OLD.account_id OR NEW.symbol IS NOT OLD.symbol OR NEW.side IS NOT OLD.side OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'orders: what an order is never changes'); END;
      CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders
        BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;
      CREATE TRIGGER fills_no_update BEFORE UPDATE ON fills
        BEGIN SELECT RAISE(ABORT, 'fills are append-only'); END;
      CREATE TRIGGER fills_no_delete BEFORE DELETE ON fills
        BEGIN SELECT RAISE(ABORT, 'fills are append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'accounts, risk config, breakers and verdicts',
    // Key metadata only (the last four characters of the key id, when it was
    // verified, its warnings): the key and secret live in the OS keychain.
    sql: `
      CREATE TABLE accounts (
        id               TEXT PRIMARY KEY NOT NULL,
        name             TEXT NOT NULL,
        venue            TEXT NOT NULL,
        mode             TEXT NOT NULL CHECK (mode IN ('paper', 'live')),
        pilot_id         TEXT,
        live_enabled     INTEGER NOT NULL DEFAULT 0,
        starting_balance REAL NOT NULL,
        currency         TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        key_hint         TEXT,
        key_demo         INTEGER,
        key_verified_at  INTEGER,
        key_warnings     TEXT NOT NULL DEFAULT '[]',
        -- Only a live account trades for real, and only once someone enabled it.
        CHECK (live_enabled = 0 OR mode = 'live')
      ) STRICT;

      -- Every saved version is kept: the newest row is in force.
      CREATE TABLE risk_config (
        version  INTEGER PRIMARY KEY NOT NULL,
        config   TEXT NOT NULL,
        saved_at INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER risk_config_no_update BEFORE UPDATE ON risk_config
        BEGIN SELECT RAISE(ABORT, 'risk_config versions are never changed'); END;

      -- One row per breaker scope ('desk', 'account', 'pilot'), so a halt survives a restart.
      CREATE TABLE breakers (
        scope      TEXT NOT NULL CHECK (scope IN ('desk', 'account', 'pilot')),
        scope_id   TEXT NOT NULL,
        state      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (scope, scope_id)
      ) STRICT;

      -- The verdict an order was sent under: its reference price gives the slippage later.
      CREATE TABLE order_verdicts (
        intent_id   TEXT PRIMARY KEY NOT NULL,
        account_id  TEXT NOT NULL,
        verdict     TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version
