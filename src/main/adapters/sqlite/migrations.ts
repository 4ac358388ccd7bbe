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
  {
    version: 4,
    name: 'agent desk: decisions, snapshots, prompts, pilots, providers, usage and news',
    // Records are stored whole as JSON and validated on the way out; the
    // columns beside them exist only to filter and sort.
    sql: `
      -- seq is the rowid alias the full-text index points at: an explicit
      -- INTEGER PRIMARY KEY keeps its value through VACUUM, an implicit rowid may not.
      CREATE TABLE decisions (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        cycle_id       TEXT NOT NULL,
        pilot_id       TEXT NOT NULL,
        role           TEXT NOT NULL,
        provider_id    TEXT NOT NULL,
        model          TEXT NOT NULL,
        prompt_version INTEGER NOT NULL,
        started_at     INTEGER NOT NULL,
        outcome        TEXT NOT NULL,
        symbols        TEXT NOT NULL,
        conclusion     TEXT NOT NULL,
        record         TEXT NOT NULL,
        -- Kept apart from the record: only the intents change after the insert.
        intents        TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX decisions_by_pilot_time ON decisions (pilot_id, started_at);
      CREATE INDEX decisions_by_role_time ON decisions (role, started_at);
      CREATE INDEX decisions_by_time ON decisions (started_at);
      -- A decision is evidence: it is never rewritten or removed, except its intent links.
      CREATE TRIGGER decisions_record_is_fixed BEFORE UPDATE ON decisions
        WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.record IS NOT OLD.record OR NEW.started_at IS NOT OLD.started_at
          OR NEW.pilot_id IS NOT OLD.pilot_id OR NEW.role IS NOT OLD.role OR NEW.outcome IS NOT OLD.outcome OR NEW.conclusion IS NOT OLD.conclusion
        BEGIN SELECT RAISE(ABORT, 'decisions: only the intent links of a decision can change'); END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

      CREATE TABLE decision_symbols (
        symbol      TEXT NOT NULL,
        decision_id TEXT NOT NULL REFERENCES decisions (id),
        PRIMARY KEY (symbol, decision_id)
      ) STRICT, WITHOUT ROWID;

      -- An intent normally has one decision; the key allows a later role (the
      -- risk officer) to cite the same intent without refusing its record.
      CREATE TABLE decision_intents (
        intent_id   TEXT NOT NULL,
        decision_id TEXT NOT NULL REFERENCES decisions (id),
        PRIMARY KEY (intent_id, decision_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX decision_intents_by_decision ON decision_intents (decision_id);

      -- Contentless: the text lives in decisions.record; rowid = decisions.seq.
      CREATE VIRTUAL TABLE decisions_fts USING fts5 (
        conclusion, input_summary, rationale, raw_output, validation_errors,
        content = '', tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE snapshots (
        hash     TEXT PRIMARY KEY NOT NULL,
        taken_at INTEGER NOT NULL,
        body     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prompt_versions (
        role        TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version > 0),
        created_at  INTEGER NOT NULL,
        author      TEXT NOT NULL,
        note        TEXT NOT NULL,
        hash        TEXT NOT NULL,
        rollback_of INTEGER,
        content     TEXT NOT NULL,
        PRIMARY KEY (role, version)
      ) STRICT;
      CREATE TRIGGER prompt_versions_no_update BEFORE UPDATE ON prompt_versions
        BEGIN SELECT RAISE(ABORT, 'prompt versions are never changed'); END;
      CREATE TRIGGER prompt_versions_no_delete BEFORE DELETE ON prompt_versions
        BEGIN SELECT RAISE(ABORT, 'prompt versions are never deleted'); END;

      CREATE TABLE pilots (
        id         TEXT PRIMARY KEY NOT NULL,
        config     TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- No API key here: keys live in the OS keychain.
      CREATE TABLE model_providers (
        id     TEXT PRIMARY KEY NOT NULL,
        config TEXT NOT NULL
      ) STRICT;

      CREATE TABLE model_prices (
        provider_id     TEXT NOT NULL,
        model           TEXT NOT NULL,
        input_per_mtok  REAL NOT NULL CHECK (input_per_mtok >= 0),
        output_per_mtok REAL NOT NULL CHECK (output_per_mtok >= 0),
        PRIMARY KEY (provider_id, model)
      ) STRICT;

      CREATE TABLE model_usage (
        pilot_id TEXT NOT NULL,
        day      TEXT NOT NULL,
        tokens   INTEGER NOT NULL CHECK (tokens >= 0),
        usd      REAL NOT NULL CHECK (usd >= 0),
        PRIMARY KEY (pilot_id, day)
      ) STRICT;

      CREATE TABLE news_feeds (
        id       TEXT PRIMARY KEY NOT NULL,
        config   TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE news_items (
        id           TEXT NOT NULL,
        feed_id      TEXT NOT NULL,
        title        TEXT NOT NULL,
        summary      TEXT NOT NULL,
        url          TEXT,
        published_at INTEGER,
        fetched_at   INTEGER NOT NULL,
        PRIMARY KEY (feed_id, id)
      ) STRICT;
      CREATE INDEX news_items_by_time ON news_items (COALESCE(published_at, fetched_at));
    `,
  },
  {
    version: 5,
    name: 'decision messages compressed',
    // A record's exact messages (kept for replay) carry the whole market
    // snapshot: ~15 KB a role run, ~70 MB a day for one desk pilot on a
    // 3-minute cadence. Deflated beside the record they take a fraction.
    sql: `
      ALTER TABLE decisions ADD COLUMN messages_z BLOB;
      CREATE TRIGGER decisions_messages_are_fixed BEFORE UPDATE OF messages_z ON decisions
        WHEN NEW.messages_z IS NOT OLD.messages_z
        BEGIN SELECT RAISE(ABORT, 'decisions: only the intent links of a decision can change'); END;
    `,
  },
]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version
