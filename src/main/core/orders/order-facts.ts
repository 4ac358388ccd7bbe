import type { OrderIntent } from '../../../shared/domain/intent'
import type { Instrument, VenueId } from '../../../shared/domain/market'
import type { RiskConfig } from '../../../shared/domain/risk'
import type { AccountRepository } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { OrderJournal } from '../../ports/order-journal'
import type { PortfolioService } from '../portfolio-service/portfolio-service'
import type { RiskContext } from '../risk'
import type { BreakerBoard } from '../risk-service/breaker-board'
import type { IntentMemory } from './intent-memory'
import type { QuoteCache } from './quote-cache'
import { buildRiskContext } from './risk-context'
import type { TradingVenues } from './trading-venues'

/** How long a first look at a symbol waits for its book before judging without one. */
export const FIRST_BOOK_WAIT_MS = 2_000

export interface OrderFactsDeps {
  accounts: Pick<AccountRepository, 'get'>
  instruments: (venue: VenueId) => Promise<readonly Instrument[]>
  quotes: QuoteCache
  venues: TradingVenues
  journal: OrderJournal
  portfolio: PortfolioService
  breakers: BreakerBoard
  memory: IntentMemory
  config: () => RiskConfig
  clock: Clock
  logger: Logger
}

export interface OrderFacts {
  /** Gathers what the risk engine needs for this intent, subscribing the symbol's market first if needed. */
  contextFor(intent: OrderIntent): Promise<RiskContext>
}

/**
 * Collects the world as the risk engine must see it: the account, the venue's
 * market list, the book and mark (the paper venue's feed is started first, so
 * both see the same market), the portfolio's equity and positions, the
 * journal's working orders, recent intents and the breakers.
 */
export function createOrderFacts(deps: OrderFactsDeps): OrderFacts {
  const { clock, logger, quotes } = deps

  const instrumentsOf = async (venue: VenueId): Promise<readonly Instrument[]> => {
    try {
      return await deps.instruments(venue)
    } catch (error) {
      // The risk engine then refuses the symbol as unknown, which says enough; the log keeps the cause.
      logger.warn('could not load the market list for an order', { venue, err: error })
      return []
    }
  }

  const warmUp = async (intent: OrderIntent): Promise<void> => {
    try {
      await deps.venues.prepare(intent.accountId, [intent.symbol])
      await quotes.ensure(intent.venue, intent.symbol)
      await quotes.waitForBook(intent.venue, intent.symbol, FIRST_BOOK_WAIT_MS)
    } catch (error) {
      // Without market data the engine refuses new exposure and says so; reductions may still pass.
      logger.warn('could not subscribe the market for an order', { venue: intent.venue, symbol: intent.symbol, err: error })
    }
  }

  return {
    async contextFor(intent) {
      const account = deps.accounts.get(intent.accountId)
      const instruments = account ? await instrumentsOf(intent.venue) : []
      const listed = instruments.some((i) => i.symbol === intent.symbol)
      if (account && account.venue === intent.venue && listed) await warmUp(intent)
      const now = clock.now()
      const config = deps.config()
      const pilotId = intent.origin.kind === 'pilot' ? intent.origin.pilotId : (account?.pilotId ?? null)
      const markOf = (symbol: string): number | null => quotes.markOf(intent.venue, symbol)?.price ?? null
      return buildRiskContext(intent, {
        now,
        account,
        instruments,
        quote: quotes.latest(intent.venue, intent.symbol),
        mark: quotes.markOf(intent.venue, intent.symbol),
        markOf,
        equity: account ? deps.portfolio.equity(account.id) : 0,
        positions: account ? deps.portfolio.positions(account.id) : [],
        openOrders: account ? deps.journal.nonTerminal(account.id) : [],
        currentLeverage: deps.memory.leverage(intent.accountId, intent.symbol),
        recentIntents: deps.memory.recentIntents(intent.accountId, now, config.duplicateWindowMs),
        recentOrderTimestamps: deps.memory.orderTimes(intent.accountId, now),
        breakers: {
          desk: deps.breakers.effective({ kind: 'desk' }),
          account: deps.breakers.effective({ kind: 'account', accountId: intent.accountId }),
          pilot: pilotId ? deps.breakers.effective({ kind: 'pilot', pilotId }) : null,
        },
      })
    },
  }
}
