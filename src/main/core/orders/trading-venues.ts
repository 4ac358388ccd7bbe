import { HandlerError } from '../../../shared/contract/envelope'
import type { AccountId } from '../../../shared/domain/account'
import type { MarketSymbol } from '../../../shared/domain/market'
import type { StoredAccount } from '../../ports/account-repository'
import type { ExecutionClient } from '../../ports/execution-client'
import type { Logger } from '../../ports/logger'
import type { PaperHoldings, TradingVenue, VenueAccess, VenueFunding } from '../../ports/venue-access'

export interface TradingVenues {
  /** The account's execution client, built on first use; the engine keeps the one it gets. */
  client(accountId: AccountId): ExecutionClient
  prepare(accountId: AccountId, symbols: readonly MarketSymbol[]): Promise<void>
  /** Puts a paper account's holdings back into its fresh simulated venue, at start. */
  restore(accountId: AccountId, holdings: PaperHoldings): Promise<void>
  /** After a key change: the account's next venue call uses the keychain's current credentials. */
  reload(accountId: AccountId): Promise<void>
  /** Funding reported by any account's venue. */
  onFunding(listener: (accountId: AccountId, payment: VenueFunding) => void): () => void
  closeAll(): Promise<void>
}

/**
 * One venue connection per account, built through composition's VenueAccess
 * on first use and kept until shutdown. Without VenueAccess (a kernel
 * started without trading) every account refuses to trade, saying why.
 */
export function createTradingVenues(access: VenueAccess | undefined, account: (id: AccountId) => StoredAccount | null, logger: Logger): TradingVenues {
  const open = new Map<AccountId, TradingVenue>()
  const fundingListeners = new Set<(accountId: AccountId, payment: VenueFunding) => void>()

  const venueOf = (accountId: AccountId): TradingVenue => {
    const existing = open.get(accountId)
    if (existing) return existing
    if (!access) throw new HandlerError('unavailable', 'Trading is not configured in this workstation (no venue access)')
    const stored = account(accountId)
    if (!stored) throw new HandlerError('invalid_input', `Unknown account ${JSON.stringify(accountId)}`)
    const startingBalances = stored.startingBalance > 0 ? { [stored.currency]: stored.startingBalance } : {}
    const venue = access.open({ id: stored.id, venue: stored.venue, mode: stored.mode, demoKey: stored.key?.demo ?? false, startingBalances })
    venue.onFunding((payment) => {
      for (const listener of [...fundingListeners]) {
        try {
          listener(accountId, payment)
        } catch (error) {
          logger.error('funding listener failed', { accountId, err: error })
        }
      }
    })
    open.set(accountId, venue)
    return venue
  }

  return {
    client: (accountId) => venueOf(accountId).execution,
    prepare: (accountId, symbols) => venueOf(accountId).prepare(symbols),
    restore: (accountId, holdings) => venueOf(accountId).restore(holdings),
    reload: async (accountId) => open.get(accountId)?.reload(),
    onFunding(listener) {
      fundingListeners.add(listener)
      return () => void fundingListeners.delete(listener)
    },
    async closeAll() {
      const venues = [...open.entries()]
      open.clear()
      const results = await Promise.allSettled(venues.map(([, venue]) => venue.close()))
      results.forEach((result, i) => {
        if (result.status === 'rejected') logger.warn('trading venue did not close cleanly', { accountId: venues[i]![0], err: result.reason })
      })
    },
  }
}
