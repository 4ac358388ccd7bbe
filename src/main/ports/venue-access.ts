import type { AccountId, AccountMode } from '../../shared/domain/account'
import type { MarketSymbol, VenueId } from '../../shared/domain/market'
import type { ExecutionClient } from './execution-client'

/** What composition needs to know to build an account's venue connection. */
export interface TradingAccountSpec {
  id: AccountId
  venue: VenueId
  mode: AccountMode
  /** For live accounts: whether the stored key is a demo key (trades on the venue's demo environment). */
  demoKey: boolean
  /** For paper accounts: the simulated wallet at the start, per currency. */
  startingBalances: Readonly<Record<string, number>>
}

/** A funding settlement a venue reported for a position (the simulated exchange's side channel). */
export interface VenueFunding {
  symbol: MarketSymbol
  currency: string
  rate: number
  markPrice: number
  contracts: number
  amount: number
  fundingTime: number
}

/** What a paper account held when the process last stopped, from the journal's fills. */
export interface PaperHoldings {
  /** Cash per currency (the wallet, without unrealized PnL). */
  wallet: Readonly<Record<string, number>>
  /** Net positions: signed contracts (negative short) at their entry prices. */
  positions: readonly { symbol: MarketSymbol; contracts: number; entryPrice: number }[]
}

/** One account's connection to its venue: real for live accounts, a simulated exchange for paper ones. */
export interface TradingVenue {
  readonly execution: ExecutionClient
  /** Subscribes what trading these symbols needs (a paper venue's market feed), so a first order finds a book. */
  prepare(symbols: readonly MarketSymbol[]): Promise<void>
  /** Funding the venue settled on the account's positions, where it reports them as events. */
  onFunding(listener: (payment: VenueFunding) => void): () => void
  /**
   * A paper venue starts empty on every run: this puts back what the account
   * held, so the simulator and the portfolio agree after a restart. A live
   * venue keeps its own state and ignores it.
   */
  restore(holdings: PaperHoldings): Promise<void>
  /** Forgets the venue connection built with the old credentials; the next call builds it with the keychain's current ones. */
  reload(): Promise<void>
  close(): Promise<void>
}

/** API credentials on their way from the trader to the keychain; only adapters and this port's users see them. */
export interface ApiCredentials {
  apiKey: string
  secret: string
  passphrase?: string
}

export type CredentialCheck =
  | {
      ok: true
      /** True when the key worked only against the venue's demo environment. */
      demo: boolean
      /** What the venue says the key may do ('read_only', 'trade', 'withdraw'), when it says. */
      permissions: string[] | null
    }
  | { ok: false; message: string }

/**
 * How the kernel reaches venues to trade, chosen by composition: paper
 * accounts get a simulated exchange over the venue's market data, live
 * accounts the venue itself with the keychain's credentials.
 */
export interface VenueAccess {
  /** Builds the account's connection; cheap, since nothing connects before first use. */
  open(account: TradingAccountSpec): TradingVenue
  /** Whether live accounts can trade on this venue at all. */
  supportsLive(venue: VenueId): boolean
  /** A read-only call (balances) with candidate credentials, before they are stored. */
  verifyCredentials(venue: VenueId, credentials: ApiCredentials): Promise<CredentialCheck>
}

/** Where an account's credentials live in the keychain. */
export function apiKeySecretName(accountId: AccountId): string {
  return `api-key:${accountId}`
}

/** Credentials as stored in the keychain (JSON); null when the stored text is not that shape. */
export function parseStoredCredentials(text: string): ApiCredentials | null {
  try {
    const value = JSON.parse(text) as Partial<ApiCredentials> | null
    if (!value || typeof value.apiKey !== 'string' || typeof value.secret !== 'string') return null
    return { apiKey: value.apiKey, secret: value.secret, ...(typeof value.passphrase === 'string' ? { passphrase: value.passphrase } : {}) }
  } catch {
    return null
  }
}
