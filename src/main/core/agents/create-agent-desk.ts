import { PilotConfigSchema, type PilotConfig } from '../../../shared/domain/agents/pilot'
import { RULES_PROVIDER_ID } from '../../../shared/domain/agents/model'
import { HandlerError } from '../../../shared/contract/envelope'
import type { AgentStore } from '../../ports/agent-store'
import type { Clock } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { IndicatorEngine } from '../../ports/indicators'
import type { Logger } from '../../ports/logger'
import type { ModelApiClient, ModelClient } from '../../ports/model-client'
import type { NewsSource } from '../../ports/news-source'
import type { PromptCatalog } from '../../ports/prompt-catalog'
import type { SecretStore } from '../../ports/secret-store'
import type { AuditLog } from '../../ports/store'
import type { OrderJournal } from '../../ports/order-journal'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import type { ComponentRegistry } from '../lifecycle/component-registry'
import type { VenueRegistry } from '../market/venue-registry'
import type { OrderPath } from '../order-path/create-order-path'
import { accountView } from './account-view'
import { createArenaService, type ArenaService } from './arena-service'
import { createDecisionFeed, type DecisionFeed } from './decision-feed'
import { replayDecision } from './decision-replay'
import { createFundingCache } from './funding-cache'
import { createModelBudget } from './model-budget'
import { createNewsService, renderNewsBlock, type NewsService } from './news'
import { createPilotService, type PilotService } from './pilot-service'
import { createPromptService, renderPrompt, type PromptService } from './prompts'
import { createProviderService, type ProviderService } from './provider-service'
import { seedAgentDesk } from './seed-agent-desk'
import { createSnapshotBuilder } from './snapshot-builder'
import type { ReplayResult } from '../../../shared/contract/domains/feed'

/** An account id from a wanted one: cut to the 40 characters ids may have, and numbered if taken. */
function freeAccountId(wanted: string, taken: (id: string) => boolean): string {
  const base = wanted.slice(0, 36)
  if (!taken(base)) return base
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`
}

/** What the agent desk needs from outside the kernel, chosen by the composition root. */
export interface AgentPorts {
  /** Every OpenAI-compatible provider (DeepSeek, Qwen, OpenAI, any base URL). */
  models: ModelApiClient
  /** The built-in deterministic strategies. */
  rules: ModelClient
  indicators: IndicatorEngine
  prompts: PromptCatalog
  news: NewsSource
  /** Start the scheduler at once (the shells); tests start it themselves or run cycles on demand. */
  autostart?: boolean
  tickMs?: number
  firstCycleMs?: number
  /** How often enabled news feeds are read; 10 minutes by default. */
  newsRefreshMs?: number
  /** News items given to each cycle. */
  newsPerCycle?: number
  /** Per provider id, a base URL that replaces the stored one at start (saved, and audited). */
  providerEndpoints?: Record<string, string>
}

export interface AgentDeskDeps {
  ports: AgentPorts
  store: AgentStore
  audit: AuditLog
  journal: OrderJournal
  orderPath: OrderPath
  venues: VenueRegistry
  bus: EventBus<KernelEvents>
  clock: Clock
  logger: Logger
  sha256: Sha256Hex
  secrets: SecretStore | undefined
  components: ComponentRegistry
}

export interface AgentDesk {
  readonly providers: ProviderService
  readonly pilots: PilotService
  readonly feed: DecisionFeed
  readonly prompts: PromptService
  readonly arena: ArenaService
  readonly news: NewsService
  replay(decisionId: string, mode: 'recorded' | 'model'): Promise<ReplayResult>
  /** Resolves once providers' keys are loaded and the scheduler (if autostarted) runs. */
  readonly ready: Promise<void>
  shutdown(): Promise<void>
}

/**
 * Composes the agent side inside the kernel: providers and keys, prompts,
 * snapshots, pilots and their schedule, decision records, the arena and
 * news. Models only ever reach the market through the order path's
 * submitIntent, the same door a person's order goes through.
 */
export function createAgentDesk(deps: AgentDeskDeps): AgentDesk {
  const { ports, store, clock, bus, orderPath } = deps
  const logger = deps.logger.child({ component: 'agents' })
  const component = deps.components.register('agents')
  const newId = (): string => globalThis.crypto.randomUUID()

  const prompts = createPromptService({ repository: store.prompts, catalog: ports.prompts, audit: deps.audit, clock, sha256: deps.sha256, publish: (version) => bus.publish('prompts.changed', version) })
  prompts.seedDefaults()
  const news = createNewsService({ source: ports.news, repository: store.news, clock, logger })
  seedAgentDesk({ store, accounts: orderPath.accounts, news, venueIds: () => deps.venues.ids(), clock, logger })
  for (const [providerId, baseUrl] of Object.entries(ports.providerEndpoints ?? {})) {
    const stored = store.providers.list().find((p) => p.id === providerId)
    if (!stored) throw new Error(`No model provider ${JSON.stringify(providerId)} to point at ${baseUrl}`)
    if (stored.baseUrl === baseUrl) continue
    store.providers.upsert({ ...stored, baseUrl })
    deps.audit.append({ kind: 'models.endpointOverridden', actor: 'system', subject: providerId, payload: { baseUrl } }, clock.now())
  }

  let pilots: PilotService | null = null
  const providers = createProviderService({ repository: store.providers, secrets: deps.secrets, models: ports.models, audit: deps.audit, bus, clock, logger, changed: () => pilots?.refresh() })
  const budget = createModelBudget(store.usage, clock)
  const feed = createDecisionFeed({ decisions: store.decisions, snapshots: store.snapshots, bus, logger, audit: deps.audit, sha256: deps.sha256, now: () => clock.now() })
  const funding = createFundingCache((venue) => deps.venues.get(venue).client, logger)
  const snapshots = createSnapshotBuilder({
    client: (venue) => deps.venues.get(venue).client,
    instruments: (venue) => deps.venues.connect(venue),
    quotes: orderPath.quotes,
    funding,
    indicators: ports.indicators,
    clock,
    sha256: deps.sha256,
    logger,
  })

  const validatePilot = (pilot: PilotConfig): void => {
    const parsed = PilotConfigSchema.safeParse(pilot)
    if (!parsed.success) throw new HandlerError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    for (const ref of [pilot.model, ...Object.values(pilot.roleModels)]) {
      if (!ref) continue
      const provider = providers.get(ref.providerId)
      if (!provider) throw new HandlerError('invalid_input', `No model provider ${JSON.stringify(ref.providerId)}`)
      if (!provider.models.includes(ref.model)) throw new HandlerError('invalid_input', `${provider.name} has no model ${JSON.stringify(ref.model)}; configured: ${provider.models.join(', ')}`)
    }
  }

  pilots = createPilotService({
    repository: store.pilots,
    clock,
    logger,
    bus,
    audit: deps.audit,
    budget,
    snapshots,
    modelReady: (pilot) => providers.ready(pilot),
    halted: (pilot) =>
      orderPath.breakers.effective({ kind: 'desk' }) === 'halted' ||
      orderPath.breakers.effective({ kind: 'account', accountId: pilot.accountId }) === 'halted' ||
      orderPath.breakers.effective({ kind: 'pilot', pilotId: pilot.id }) === 'halted',
    account: (pilot) => {
      const stored = orderPath.accounts.get(pilot.accountId)
      return accountView(pilot.accountId, orderPath.portfolio.account(pilot.accountId), orderPath.riskConfig.current(), stored?.currency ?? 'USDT')
    },
    news: () => {
      const items = news.latest(ports.newsPerCycle ?? 10)
      return { items, block: renderNewsBlock(items) }
    },
    storeSnapshot: (snapshot) => feed.storeSnapshot(snapshot),
    validate: validatePilot,
    async validateSymbols(venue, symbols) {
      if (!deps.venues.ids().includes(venue)) throw new HandlerError('invalid_input', `Unknown venue ${JSON.stringify(venue)}; expected one of: ${deps.venues.ids().join(', ')}`)
      const listed = new Set((await deps.venues.connect(venue)).map((i) => i.symbol))
      const unknown = symbols.filter((s) => !listed.has(s))
      if (unknown.length > 0) throw new HandlerError('invalid_input', `${venue} does not list ${unknown.join(', ')}`)
    },
    openAccount(pilot, startingBalance) {
      const id = freeAccountId(`pilot-${pilot.id}`, (candidate) => orderPath.accounts.get(candidate) !== null)
      orderPath.accounts.create({ id, name: `Pilot · ${pilot.name}`.slice(0, 80), venue: pilot.venue, mode: 'paper', startingBalance, pilotId: pilot.id })
      return id
    },
    cycle: {
      clock,
      logger,
      sha256: deps.sha256,
      newId,
      models: ports.models,
      rules: ports.rules,
      provider: (id) => providers.get(id),
      prices: () => providers.prices(),
      prompt: (role) => prompts.current(role),
      outputSchema: (role) => prompts.outputSchema(role),
      render: (content, variables) => renderPrompt(content, variables),
      withinBudget: (pilot) => budget.within(pilot),
      spend: (pilot, tokens, usd) => budget.spend(pilot, tokens, usd),
      record: (record) => feed.record(record),
      updateIntents: (id, links) => feed.updateIntents(id, links),
      // A pilot never confirms: anything the risk engine sends for approval is refused for it.
      submit: (intent) => orderPath.orders.submitIntent(intent, false),
    },
    tickMs: ports.tickMs,
    firstCycleMs: ports.firstCycleMs,
  })

  // A pilot's state shows its breaker: a halt (or its lifting) is announced at once, not at the next cycle.
  const unsubscribeBreakers = bus.subscribe('risk.stateChanged', () => pilots!.refresh())

  const arena = createArenaService({
    pilots: () => pilots!.list(),
    portfolio: (accountId) => orderPath.portfolio.account(accountId),
    curve: (accountId) => orderPath.portfolio.equityCurve(accountId),
    roundTrips: (accountId) => orderPath.portfolio.roundTrips(accountId),
    startingEquity: (accountId) => orderPath.accounts.get(accountId)?.startingBalance ?? 0,
    fills: (accountId) => deps.journal.fills(accountId).length,
    modelCost: () => store.usage.totals(),
    decisionCounts: () => store.decisions.countByPilot(),
    latestDecision: (pilotId) => store.decisions.search({ pilotId, limit: 1 })[0] ?? null,
    bus,
    clock,
  })

  // Enabled feeds are read every 10 minutes while the desk runs; none is enabled on a fresh profile.
  let newsTimer: ReturnType<Clock['setInterval']> | null = null
  const refreshNews = (): void => {
    if (news.feeds().some((f) => f.enabled)) void news.refresh().catch((error: unknown) => logger.warn('news refresh failed', { err: error }))
  }

  const ready = (async () => {
    await providers.loadKeys()
    await orderPath.ready
    if (ports.autostart) {
      pilots!.start()
      refreshNews()
      newsTimer = clock.setInterval(refreshNews, ports.newsRefreshMs ?? 600_000)
    }
    component.set('running')
  })().catch((error: unknown) => {
    logger.error('agent desk failed to start', { err: error })
    component.set('degraded', error instanceof Error ? error.message : String(error))
  })

  return {
    providers,
    pilots,
    feed,
    prompts,
    arena,
    news,
    replay: (decisionId, mode) =>
      replayDecision(
        {
          models: ports.models,
          rules: ports.rules,
          provider: (id) => (id === RULES_PROVIDER_ID ? null : providers.get(id)),
          snapshot: (hash) => store.snapshots.get(hash),
          outputSchema: (role) => prompts.outputSchema(role),
          now: () => clock.now(),
        },
        feed.get(decisionId),
        mode,
      ),
    ready,
    async shutdown() {
      newsTimer?.cancel()
      unsubscribeBreakers()
      await pilots!.shutdown()
      arena.close()
      feed.close()
      await funding.close()
      component.set('stopped')
    },
  }
}
