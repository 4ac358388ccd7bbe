import type { Account, AccountId } from '../../shared/domain/account'

/** What the app remembers about an account's API key: never the key or the secret themselves. */
export interface StoredKeyInfo {
  /** Last four characters of the API key id, to tell keys apart. */
  hint: string
  /** True when the key works only on the venue's demo environment. */
  demo: boolean
  verifiedAt: number
  warnings: string[]
}

/** An account as stored: the contract's Account plus its paper deposit and key metadata. */
export interface StoredAccount extends Account {
  /** The paper deposit (or, for live accounts, 0: the venue's balances count). */
  startingBalance: number
  /** The currency the deposit and the account's equity are in. */
  currency: string
  key: StoredKeyInfo | null
}

export type AccountChange = Partial<Pick<StoredAccount, 'name' | 'liveEnabled' | 'key'>>

/** Trading accounts of the profile, persisted in its database. */
export interface AccountRepository {
  list(): StoredAccount[]
  get(id: AccountId): StoredAccount | null
  /** Throws when an account with this id exists. */
  insert(account: StoredAccount): void
  /** Applies the change and returns the account as stored; throws for an unknown id. */
  update(id: AccountId, change: AccountChange): StoredAccount
}
