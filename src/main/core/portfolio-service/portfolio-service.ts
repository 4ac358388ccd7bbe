import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { AccountId } from '../../../shared/domain/account'
import type { Instrument, MarketSymbol, VenueId } from '../../../shared/domain/market'
import type { Balance, Fill } from '../../../shared/domain/order'
import type { BreakerState } from '../../../shared/domain/risk'
import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { RecordedFill } from '../../ports/order-journal'
import type { PaperHoldings, VenueFunding } from '../../ports/venue-access'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { createPortfolio, type FillResult, type PositionView, type RoundTripStats } from '../portfolio'
import { toAccountPortfolio, toTotal } from './portfolio-view'
import { createKeyedThrottle } from './throttle'

/** `portfolio.updated` goes out at most this often per account. */
export const PORTFOLIO_UPDATE_MS = 250

export interface PortfolioService {
  /** Opens the account at its deposit and books the fills the journal holds for it, once. */
  open(account: StoredAccount, pastFills: readonly RecordedFill[]): Promise<void>
  /** Books a fill (once per trade id) after the account's past fills. */
  applyFill(accountId: AccountId, fill: Fill): Promise<FillResult | null>
  applyFunding(accountId: AccountId, payment: VenueFunding): void
  mark(venue: VenueId, symbol: MarketSymbol, price: number, at: number): void
  /**
   * Brings a live account's equity in line with the venue's balances: the
   * difference is booked as a transfer (capital we did not see move: the
   * deposit before we started, a withdrawal), never as profit or loss.
   */
  syncBalance(accountId: AccountId, balances: readonly Balance[]): void
  positions(accountId: AccountId): PositionView[]
  /** Cash per currency and net derivative positions, for a paper venue to start from after a restart. */
  holdings(accountId: AccountId): PaperHoldings
  /** Equity in the account's currency; 0 for an account not open yet. */
  equity(accountId: AccountId): number
  /** Whether any account holds a position in this symbol. */
  holds(venue: VenueId, symbol: MarketSymbol): boolean
  account(accountId: AccountId): AccountPortfolio | null
  snapshot(): { accounts: AccountPortfolio[]; totals: ReturnType<typeof toTotal>[] }
  equityCurve(accountId: AccountId): { at: number; equity: number }[]
  /** Closed round trips (wins, losses) of an account, for win rates; null for an account not opened. */
  roundTrips(accountId: AccountId): RoundTripStats | null
  /** Called with each account's view as it goes out (the breakers watch equity). */
  onUpdated(listener: (view: AccountPortfolio) => void): () => void
  close(): void
}

export interface PortfolioServiceDeps {
  clock: Clock
  bus: EventBus<KernelEvents>
  logger: Logger
  instruments: (venue: VenueId) => Promise<readonly Instrument[]>
  breaker: (accountId: AccountId) => BreakerState
  /** The leverage we set on a symbol, when we did. */
  leverage: (accountId: AccountId, symbol: MarketSymbol) => number | null
}

interface Opened {
  account: StoredAccount
  /** Work on the account runs in this order: its past fills first. */
  queue: Promise<unknown>
}

/**
 * The kernel's portfolio: balances, positions and PnL per account derived
 * from the fills the execution engine records, valued at the venues' marks,
 * and announced (coalesced) as `portfolio.updated`.
 */
export function createPortfolioService(deps: PortfolioServiceDeps): PortfolioService {
  const { clock, bus, logger } = deps
  const portfolio = createPortfolio()
  const opened = new Map<AccountId, Opened>()
  const listeners = new Set<(view: AccountPortfolio) => void>()

  const viewOf = (accountId: AccountId): AccountPortfolio | null => {
    const entry = opened.get(accountId)
    if (!entry || !portfolio.hasAccount(accountId)) return null
    return toAccountPortfolio(portfolio.account(accountId), entry.account.currency, deps.breaker(accountId), clock.now(), (symbol) => deps.leverage(accountId, symbol))
  }
  const throttle = createKeyedThrottle(clock, PORTFOLIO_UPDATE_MS, (accountId) => {
    const view = viewOf(accountId)
    if (!view) return
    bus.publish('portfolio.updated', view)
    for (const listener of [...listeners]) {
      try {
        listener(view)
      } catch (error) {
        logger.error('portfolio listener failed', { accountId, err: error })
      }
    }
  })

  const book = async (accountId: AccountId, fill: Fill): Promise<FillResult | null> => {
    const entry = opened.get(accountId)
    if (!entry) return null
    const instrument = (await deps.instruments(entry.account.venue)).find((i) => i.symbol === fill.symbol)
    if (!instrument) {
      logger.error('a fill names a symbol its venue does not list; not booked', { accountId, symbol: fill.symbol, tradeId: fill.tradeId })
      return null
    }
    const result = portfolio.applyFill(accountId, fill, instrument)
    if (result.applied) throttle.touch(accountId)
    return result
  }

  // Serialises the account's work; one failure is logged and does not block the next.
  const enqueue = <T>(accountId: AccountId, work: () => Promise<T>): Promise<T | null> => {
    const entry = opened.get(accountId)
    if (!entry) return Promise.resolve(null)
    const next = entry.queue.then(work).catch((error: unknown) => {
      logger.error('portfolio update failed', { accountId, err: error })
      return null
    })
    entry.queue = next
    return next
  }

  return {
    open(account, pastFills) {
      if (opened.has(account.id)) return opened.get(account.id)!.queue.then(() => undefined)
      const startingBalances = account.startingBalance > 0 ? { [account.currency]: account.startingBalance } : {}
      portfolio.openAccount({ accountId: account.id, venue: account.venue, startingBalances, openedAt: account.createdAt })
      opened.set(account.id, { account, queue: Promise.resolve() })
      return enqueue(account.id, async () => {
        for (const recorded of pastFills) await book(account.id, recorded.fill)
      }).then(() => throttle.touch(account.id))
    },
    applyFill: (accountId, fill) => enqueue(accountId, () => book(accountId, fill)),
    applyFunding(accountId, payment) {
      if (!opened.has(accountId)) return
      if (portfolio.applyFunding(accountId, payment)) throttle.touch(accountId)
    },
    mark(venue, symbol, price, at) {
      const holders = [...opened.values()].filter((e) => e.account.venue === venue && portfolio.positions(e.account.id).some((p) => p.symbol === symbol))
      if (holders.length === 0) return
      portfolio.markToMarket(venue, [{ symbol, markPrice: price }], at)
      for (const holder of holders) throttle.touch(holder.account.id)
    },
    syncBalance(accountId, balances) {
      const entry = opened.get(accountId)
      const venue = balances.find((b) => b.currency === entry?.account.currency)
      if (!entry || !venue || !Number.isFinite(venue.total)) return
      const local = portfolio.account(accountId).currencies.find((c) => c.currency === venue.currency)?.equity ?? 0
      const difference = venue.total - local
      if (Math.abs(difference) < 0.01) return
      const at = clock.now()
      portfolio.applyAdjustment(accountId, { id: `venue-balance-${at}-${venue.currency}`, currency: venue.currency, amount: difference, kind: 'transfer', at })
      logger.info('account balance brought in line with the venue', { accountId, currency: venue.currency, difference })
      throttle.touch(accountId)
    },
    positions: (accountId) => (portfolio.hasAccount(accountId) ? portfolio.positions(accountId) : []),
    holdings(accountId) {
      if (!portfolio.hasAccount(accountId)) return { wallet: {}, positions: [] }
      const wallet = Object.fromEntries(portfolio.account(accountId).currencies.map((c) => [c.currency, c.balance]))
      const positions = portfolio
        .positions(accountId)
        .filter((p) => p.type === 'swap')
        .map((p) => ({ symbol: p.symbol, contracts: p.side === 'long' ? p.contracts : -p.contracts, entryPrice: p.entryPrice }))
      return { wallet, positions }
    },
    equity(accountId) {
      const entry = opened.get(accountId)
      if (!entry) return 0
      return portfolio.account(accountId).currencies.find((c) => c.currency === entry.account.currency)?.equity ?? 0
    },
    holds: (venue, symbol) => [...opened.values()].some((e) => e.account.venue === venue && portfolio.positions(e.account.id).some((p) => p.symbol === symbol)),
    account: viewOf,
    snapshot() {
      const at = clock.now()
      const snapshot = portfolio.snapshot(at)
      const accounts = snapshot.accounts.flatMap((a) => {
        const entry = opened.get(a.accountId)
        return entry ? [toAccountPortfolio(a, entry.account.currency, deps.breaker(a.accountId), at, (symbol) => deps.leverage(a.accountId, symbol))] : []
      })
      return { accounts, totals: snapshot.totals.map(toTotal) }
    },
    equityCurve(accountId) {
      const entry = opened.get(accountId)
      const curve = entry ? portfolio.curve(accountId, entry.account.currency) : null
      return (curve?.points() ?? []).map((p) => ({ at: Math.trunc(p.at), equity: p.equity }))
    },
    roundTrips: (accountId) => (portfolio.hasAccount(accountId) ? portfolio.roundTrips(accountId) : null),
    onUpdated(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close: () => throttle.cancelAll(),
  }
}
