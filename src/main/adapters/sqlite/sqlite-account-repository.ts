import type Database from 'better-sqlite3'
import { z } from 'zod'
import type { AccountChange, AccountRepository, StoredAccount } from '../../ports/account-repository'

interface AccountRow {
  id: string
  name: string
  venue: string
  mode: string
  pilot_id: string | null
  live_enabled: number
  starting_balance: number
  currency: string
  created_at: number
  key_hint: string | null
  key_demo: number | null
  key_verified_at: number | null
  key_warnings: string
}

const ModeSchema = z.enum(['paper', 'live'])
const WarningsSchema = z.array(z.string())

function accountOf(row: AccountRow): StoredAccount {
  const key =
    row.key_hint !== null && row.key_verified_at !== null
      ? { hint: row.key_hint, demo: row.key_demo === 1, verifiedAt: row.key_verified_at, warnings: WarningsSchema.parse(JSON.parse(row.key_warnings)) }
      : null
  return {
    id: row.id,
    name: row.name,
    venue: row.venue,
    mode: ModeSchema.parse(row.mode),
    pilotId: row.pilot_id,
    liveEnabled: row.live_enabled === 1,
    createdAt: row.created_at,
    startingBalance: row.starting_balance,
    currency: row.currency,
    key,
  }
}

function rowOf(account: StoredAccount): AccountRow {
  return {
    id: account.id,
    name: account.name,
    venue: account.venue,
    mode: account.mode,
    pilot_id: account.pilotId,
    live_enabled: account.liveEnabled ? 1 : 0,
    starting_balance: account.startingBalance,
    currency: account.currency,
    created_at: account.createdAt,
    key_hint: account.key?.hint ?? null,
    key_demo: account.key ? (account.key.demo ? 1 : 0) : null,
    key_verified_at: account.key?.verifiedAt ?? null,
    key_warnings: JSON.stringify(account.key?.warnings ?? []),
  }
}

/** Accounts in the profile database (migration 3); key metadata only, never a secret. */
export function createSqliteAccountRepository(db: Database.Database): AccountRepository {
  const all = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY created_at, id')
  const one = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?')
  const insert = db.prepare<AccountRow>(
    `INSERT INTO accounts (id, name, venue, mode, pilot_id, live_enabled, starting_balance, currency, created_at, key_hint, key_demo, key_verified_at, key_warnings)
     VALUES (@id, @name, @venue, @mode, @pilot_id, @live_enabled, @starting_balance, @currency, @created_at, @key_hint, @key_demo, @key_verified_at, @key_warnings)`,
  )
  const update = db.prepare<AccountRow>(
    `UPDATE accounts SET name = @name, live_enabled = @live_enabled, key_hint = @key_hint, key_demo = @key_demo,
       key_verified_at = @key_verified_at, key_warnings = @key_warnings WHERE id = @id`,
  )
  const get = (id: string): StoredAccount | null => {
    const row = one.get(id)
    return row ? accountOf(row) : null
  }
  return {
    list: () => all.all().map(accountOf),
    get,
    insert(account) {
      insert.run(rowOf(account))
    },
    update(id, change: AccountChange) {
      const current = get(id)
      if (!current) throw new RangeError(`unknown account ${id}`)
      const next: StoredAccount = { ...current, ...change }
      update.run(rowOf(next))
      return next
    },
  }
}
