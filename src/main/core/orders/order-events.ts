import type { ManagedOrder } from '../../../shared/contract/domains/orders'
import type { AccountId } from '../../../shared/domain/account'
import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { JournalEntry, OrderJournal, RecordedFill } from '../../ports/order-journal'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import type { PortfolioService } from '../portfolio-service/portfolio-service'
import type { BreakerBoard } from '../risk-service/breaker-board'
import type { QuoteCache } from './quote-cache'

export interface OrderEventDeps {
  bus: EventBus<KernelEvents>
  journal: OrderJournal
  portfolio: PortfolioService
  breakers: BreakerBoard
  quotes: QuoteCache
  account: (id: AccountId) => StoredAccount | null
  managed: (entry: JournalEntry) => ManagedOrder
  clock: Clock
  logger: Logger
}

/**
 * Turns the execution engine's journal events into contract events
 * (`orders.updated`, `orders.filled`) and feeds fills to the portfolio and a
 * closed trade's result to the breakers. Returns the unsubscribe.
 */
export function bridgeOrderEvents(deps: OrderEventDeps): () => void {
  const { bus, logger } = deps

  const updated = (entry: JournalEntry): void => bus.publish('orders.updated', deps.managed(entry))

  const filled = (recorded: RecordedFill): void => {
    const entry = recorded.clientOrderId ? deps.journal.byClientOrderId(recorded.clientOrderId) : null
    bus.publish('orders.filled', { accountId: recorded.accountId, intentId: entry?.intentId ?? null, fill: recorded.fill })
    const account = deps.account(recorded.accountId)
    // Positions need marks: the symbol's mark stream runs while it is held.
    if (account) deps.quotes.ensure(account.venue, recorded.fill.symbol).catch((error: unknown) => logger.warn('no mark stream for a held symbol', { symbol: recorded.fill.symbol, err: error }))
    void deps.portfolio.applyFill(recorded.accountId, recorded.fill).then((result) => {
      if (!result?.applied || !result.roundTrip) return
      const at = deps.clock.now()
      const input = { kind: 'trade_closed' as const, at, pnl: result.realizedPnl }
      deps.breakers.feed({ kind: 'account', accountId: recorded.accountId }, input)
      if (account?.pilotId) deps.breakers.feed({ kind: 'pilot', pilotId: account.pilotId }, input)
    })
  }

  const offs = [bus.subscribe('execution.orderUpdated', updated), bus.subscribe('execution.orderImported', updated), bus.subscribe('execution.fillRecorded', filled)]
  return () => offs.forEach((off) => off())
}
