import type { PendingApproval } from '../../../shared/contract/domains/approvals'
import type { Instrument, VenueId } from '../../../shared/domain/market'
import type { Approver } from '../../ports/approver'
import type { Clock } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { Logger } from '../../ports/logger'
import type { SecretStore } from '../../ports/secret-store'
import type { ProfileStore } from '../../ports/store'
import type { VenueAccess } from '../../ports/venue-access'
import { createAccountService, type AccountService } from '../accounts/account-service'
import { createSecondApproval, type SecondApproval } from '../approval-service/second-approval'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { createExecutionEngine, type ExecutionEngine } from '../execution'
import type { ComponentRegistry } from '../lifecycle/component-registry'
import type { VenueRegistry } from '../market/venue-registry'
import { createIntentMemory } from '../orders/intent-memory'
import { createOrderFacts } from '../orders/order-facts'
import { bridgeOrderEvents } from '../orders/order-events'
import { createOrderService, type OrderService } from '../orders/order-service'
import { createQuoteCache, type QuoteCache } from '../orders/quote-cache'
import { createTradingVenues } from '../orders/trading-venues'
import { createPortfolioService, type PortfolioService } from '../portfolio-service/portfolio-service'
import { worstBreakerState } from '../risk'
import { createBreakerBoard, type BreakerBoard } from '../risk-service/breaker-board'
import { startBreakerFeeds } from '../risk-service/breaker-feeds'
import { createKeyService, type KeyService } from '../exchanges/key-service'
import { createKillSwitch, type KillSwitch } from '../risk-service/kill-switch'
import { createRiskConfigService, type RiskConfigService } from '../risk-service/risk-config-service'
import { accountsIn } from '../risk-service/risk-handlers'
import { startAccounts } from './start-accounts'

/** Client order ids we make start with this, so reconciliation can tell our orders on a venue from others'. */
export const CLIENT_ID_PREFIX = 'aiw'

export interface OrderPathDeps {
  clock: Clock
  logger: Logger
  bus: EventBus<KernelEvents>
  store: ProfileStore
  venues: VenueRegistry
  components: ComponentRegistry
  trading: VenueAccess | undefined
  /** The second approval on the main side; without one every risky action is denied. */
  approver?: Approver | undefined
  sha256: Sha256Hex
  secrets: SecretStore | undefined
  approvalChannel: PendingApproval['channel']
}

export interface OrderPath {
  readonly accounts: AccountService
  readonly orders: OrderService
  readonly portfolio: PortfolioService
  readonly breakers: BreakerBoard
  readonly riskConfig: RiskConfigService
  readonly killSwitch: KillSwitch
  readonly keys: KeyService
  readonly approvals: SecondApproval
  readonly engine: ExecutionEngine
  readonly quotes: QuoteCache
  /** Resolves once every account's portfolio is rebuilt from the journal (reconciliation runs on after it). */
  readonly ready: Promise<void>
  /** Resolves once the start's reconciliation of every account ended (it runs in the background). */
  readonly reconciled: Promise<void>
  shutdown(): Promise<void>
}

const noApprover: Approver = { request: async () => 'denied' }

/**
 * Composes the order path inside the kernel: accounts, risk (config and
 * breakers), approvals, the execution engine over each account's venue,
 * the portfolio, and the order service that runs every intent through them.
 */
export function createOrderPath(deps: OrderPathDeps): OrderPath {
  const { clock, bus, store } = deps
  const logger = deps.logger.child({ component: 'order-path' })
  const component = deps.components.register('order-path')

  let riskConfig: RiskConfigService | null = null
  const config = () => riskConfig!.current()
  const breakers = createBreakerBoard({ repository: store.risk, clock, logger, bus, config })
  const approvals = createSecondApproval({ approver: deps.approver ?? noApprover, clock, audit: store.audit, sha256: deps.sha256, bus, channel: deps.approvalChannel, priceBandPct: () => config().priceBandPct })
  riskConfig = createRiskConfigService({ repository: store.risk, audit: store.audit, bus, clock, logger, approvals })

  const accountBreaker = (accountId: string) => {
    const desk = breakers.status({ kind: 'desk' })
    const account = breakers.status({ kind: 'account', accountId })
    return { state: worstBreakerState([desk.state, account.state]), paused: desk.paused || account.paused }
  }
  const accounts = createAccountService({
    repository: store.accounts,
    audit: store.audit,
    bus,
    clock,
    logger,
    venueIds: () => deps.venues.ids(),
    supportsLive: (venue) => deps.trading?.supportsLive(venue) ?? false,
    breaker: accountBreaker,
  })

  const instruments = (venue: VenueId): Promise<readonly Instrument[]> => deps.venues.connect(venue)
  const memory = createIntentMemory()
  const portfolio = createPortfolioService({ clock, bus, logger, instruments, breaker: (id) => accountBreaker(id).state, leverage: memory.leverage })
  const quotes = createQuoteCache({ client: (venue) => deps.venues.get(venue).client, clock, logger, held: (venue, symbol) => portfolio.holds(venue, symbol) })
  const venues = createTradingVenues(deps.trading, (id) => accounts.get(id), logger)
  const engine = createExecutionEngine({ journal: store.journal, clients: (id) => venues.client(id), clock, audit: store.audit, logger, bus, idPrefix: CLIENT_ID_PREFIX })
  const started = startAccounts({ accounts, portfolio, engine, quotes, venues, journal: store.journal, audit: store.audit, clock, logger })
  const facts = createOrderFacts({ accounts, instruments, quotes, venues, journal: store.journal, portfolio, breakers, memory, config, clock, logger })
  // Nothing is judged before the portfolio is rebuilt and the paper venues hold their positions again.
  const readyFacts = { contextFor: (intent: Parameters<typeof facts.contextFor>[0]) => started.ready.then(() => facts.contextFor(intent)) }
  const orders = createOrderService({
    facts: readyFacts,
    engine,
    journal: store.journal,
    verdicts: store.verdicts,
    quotes,
    breakers,
    memory,
    approvals,
    config,
    accountIds: () => accounts.list().map((a) => a.id),
    audit: store.audit,
    clock,
    logger,
    newId: () => globalThis.crypto.randomUUID(),
  })

  const killSwitch = createKillSwitch({
    accountsIn: (scope) => accountsIn(accounts, scope),
    breakers,
    engine,
    venues,
    orders,
    portfolio,
    journal: store.journal,
    bus,
    audit: store.audit,
    clock,
    logger,
    newId: () => globalThis.crypto.randomUUID(),
    clientIdPrefix: CLIENT_ID_PREFIX,
    approveFlatten: async (scope) => {
      const action = { kind: 'flatten_all' as const, scope }
      const outcome = await approvals.request(action)
      if (!outcome.ok) return outcome.message
      const check = approvals.consume(outcome.approval, action)
      return check.valid ? null : check.message
    },
  })

  const offs = [
    bridgeOrderEvents({ bus, journal: store.journal, portfolio, breakers, quotes, account: (id) => accounts.get(id), managed: orders.managed, clock, logger }),
    quotes.onMark((venue, symbol, price, at) => portfolio.mark(venue, symbol, price, at)),
    startBreakerFeeds({ breakers, clock, bus, quotes, accounts: () => accounts.list() }),
    venues.onFunding((accountId, payment) => portfolio.applyFunding(accountId, payment)),
    portfolio.onUpdated((view) => {
      breakers.feed({ kind: 'account', accountId: view.accountId }, { kind: 'equity', at: view.at, equity: view.equity })
      const desk = accounts.list().reduce((sum, a) => sum + portfolio.equity(a.id), 0)
      breakers.feed({ kind: 'desk' }, { kind: 'equity', at: view.at, equity: desk })
    }),
    bus.subscribe('risk.stateChanged', (status) => {
      const scope = status.scope
      if (scope.kind === 'account') accounts.announce(scope.accountId)
      else if (scope.kind === 'desk') for (const account of accounts.list()) accounts.announce(account.id)
    }),
  ]

  const keys = createKeyService({
    accounts,
    secrets: deps.secrets,
    trading: deps.trading,
    approvals,
    clock,
    logger,
    keyChanged: (account) => void venues.reload(account.id).then(() => started.resync(account)),
  })
  const ready = started.ready.then(
    () => component.set('running'),
    (error: unknown) => component.set('degraded', `accounts could not all be opened: ${String(error)}`),
  )

  return {
    accounts,
    orders,
    portfolio,
    breakers,
    riskConfig,
    killSwitch,
    keys,
    approvals,
    engine,
    quotes,
    ready,
    reconciled: started.reconciled,
    async shutdown() {
      started.stop()
      for (const off of offs) off()
      approvals.dispose()
      engine.close()
      breakers.flush()
      portfolio.close()
      await quotes.close()
      await venues.closeAll()
      component.set('stopped')
    },
  }
}
