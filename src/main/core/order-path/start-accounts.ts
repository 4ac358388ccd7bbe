import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { OrderJournal } from '../../ports/order-journal'
import type { AuditLog } from '../../ports/store'
import type { AccountService } from '../accounts/account-service'
import type { ExecutionEngine } from '../execution'
import type { QuoteCache } from '../orders/quote-cache'
import type { TradingVenues } from '../orders/trading-venues'
import { reconcilePositions } from '../portfolio'
import type { PortfolioService } from '../portfolio-service/portfolio-service'

export interface StartAccountsDeps {
  accounts: AccountService
  portfolio: PortfolioService
  engine: ExecutionEngine
  quotes: QuoteCache
  venues: TradingVenues
  journal: OrderJournal
  audit: AuditLog
  clock: Clock
  logger: Logger
}

/**
 * At start, and for each account created later: the portfolio is rebuilt
 * from the journal's fills, then the engine reconciles the journal with the
 * venue (never resending) and the venue's positions are compared with ours.
 * A live account without a key has nothing to reconcile with yet.
 */
export interface StartedAccounts {
  ready: Promise<void>
  reconciled: Promise<void>
  /** Reconciles one account again (after its key changed), in the background. */
  resync(account: StoredAccount): Promise<void>
  stop(): void
}

export function startAccounts(deps: StartAccountsDeps): StartedAccounts {
  const { portfolio, engine, quotes, logger } = deps
  let stopped = false

  const reconcile = async (account: StoredAccount): Promise<void> => {
    if (account.mode === 'live' && account.key === null) return
    const report = await engine.reconcile(account.id)
    if (stopped) return
    // A live account's cash is the venue's: what we did not see arrive is a transfer.
    if (account.mode === 'live') portfolio.syncBalance(account.id, await deps.venues.client(account.id).balances())
    const differences = reconcilePositions(portfolio.positions(account.id), report.positions)
    const payload = {
      accountId: account.id,
      checked: report.checked,
      updated: report.updated,
      imported: report.imported.map((e) => e.clientOrderId),
      zombies: report.zombies.map((e) => e.clientOrderId),
      foreignOpen: report.foreignOpen,
      fillsRecorded: report.fillsRecorded,
      unresolved: report.unresolved.map((e) => e.clientOrderId),
      positionDifferences: differences.map((d) => d.message),
      errors: report.errors,
    }
    deps.audit.append({ kind: 'orders.reconciled', actor: 'system', subject: account.id, payload }, deps.clock.now())
    if (differences.length > 0 || report.errors.length > 0) logger.warn('reconciliation found differences', payload)
  }

  /** Resolves once the portfolio is open; the second promise once reconciliation ended, in the background. */
  const start = async (account: StoredAccount): Promise<{ reconciled: Promise<void> }> => {
    const fills = deps.journal.fills(account.id)
    await portfolio.open(account, fills)
    // The simulated venue starts empty each run: it gets back what the journal says the account holds.
    if (account.mode === 'paper' && fills.length > 0) {
      await deps.venues.restore(account.id, portfolio.holdings(account.id)).catch((error: unknown) =>
        logger.error('the paper venue could not get its positions back; the reconciliation will report the difference', { accountId: account.id, err: error }),
      )
    }
    for (const position of portfolio.positions(account.id)) {
      quotes.ensure(account.venue, position.symbol).catch((error: unknown) => logger.warn('no mark stream for a held symbol', { accountId: account.id, symbol: position.symbol, err: error }))
    }
    // In the background: a venue that does not answer must not hold up the start.
    return { reconciled: reconcile(account).catch((error: unknown) => logger.warn('reconciliation failed; retried at the next start', { accountId: account.id, err: error })) }
  }

  const off = deps.accounts.onCreated((account) => void start(account).catch((error: unknown) => logger.error('could not open a new account', { accountId: account.id, err: error })))
  // One account that cannot open must not keep the others from trading.
  const started = Promise.all(
    deps.accounts.list().map((account) =>
      start(account).catch((error: unknown) => {
        logger.error('could not open an account', { accountId: account.id, err: error })
        return { reconciled: Promise.resolve() }
      }),
    ),
  )
  const ready = started.then(() => undefined)
  const reconciled = started.then((all) => Promise.all(all.map((s) => s.reconciled))).then(() => undefined)
  return {
    ready,
    reconciled,
    resync: (account) => reconcile(account).catch((error: unknown) => logger.warn('reconciliation failed', { accountId: account.id, err: error })),
    stop() {
      stopped = true
      off()
    },
  }
}
