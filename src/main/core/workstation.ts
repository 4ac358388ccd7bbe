import type { EventName, EventPayload } from '../../shared/contract/channels'
import type { HealthReport } from '../../shared/domain/health'
import type { ShellKind, SystemInfo, TradingMode } from '../../shared/domain/system'
import type { Approver } from '../ports/approver'
import type { Clock } from '../ports/clock'
import type { Sha256Hex } from '../ports/hasher'
import type { Logger } from '../ports/logger'
import type { MarketStore } from '../ports/market-store'
import type { SecretStore } from '../ports/secret-store'
import type { ProfileStore } from '../ports/store'
import type { VenueAccess } from '../ports/venue-access'
import { accountHandlers } from './accounts/account-handlers'
import { agentDeskUnavailable, agentHandlers } from './agents/agent-handlers'
import { createAgentDesk, type AgentDesk, type AgentPorts } from './agents/create-agent-desk'
import { approvalHandlers } from './approval-service/approval-handlers'
import { exchangeHandlers, liveTradingHandler } from './exchanges/exchange-handlers'
import { createEventBus, type EventBus } from './bus/event-bus'
import type { KernelEvents } from './bus/kernel-events'
import { createDispatcher, type Dispatch } from './contract/dispatcher'
import { createComponentRegistry } from './lifecycle/component-registry'
import { historyHandlers } from './market/history/history-handlers'
import { createHistoryService, type HistoryService } from './market/history/history-service'
import { marketHandlers } from './market/market-handlers'
import { createMarketService, type MarketService } from './market/market-service'
import type { VenueRegistration } from './market/venue-registry'
import { createOrderPath, type OrderPath } from './order-path/create-order-path'
import { orderHandlers } from './orders/order-handlers'
import { portfolioHandlers } from './portfolio-service/portfolio-handlers'
import { riskHandlers } from './risk-service/risk-handlers'
import { createSettingsService, type SettingsService } from './settings/settings-service'
import { startHeartbeat } from './system/heartbeat'

export interface WorkstationConfig {
  version: string
  shell: ShellKind
  dataDir: string
  mode?: TradingMode
  heartbeatMs?: number
}

/** Everything the kernel needs from the outside world, chosen by the shell. */
export interface WorkstationPorts {
  clock: Clock
  logger: Logger
  store: ProfileStore
  /** The market data file (candles, trades): shared by every profile's downloads, closed at shutdown. */
  marketStore: MarketStore
  /**
   * Market data venues by id, each with its MarketDataClient. Optional so a
   * kernel without market data still starts; the shells pass the simulator
   * and, once configured, live venues (composition/market-venues.ts).
   */
  venues?: readonly VenueRegistration[]
  /** How accounts reach their venues to trade (simulated exchange for paper, the venue for live); without it nothing trades. */
  trading?: VenueAccess
  /** The second approval of risky actions: a native dialog, or a code on the terminal. Without one, every risky action is denied. */
  approver?: Approver
  /** SHA-256 for the approval gate's parameter hashes (node:crypto, passed in: the kernel imports no Node built-ins). */
  sha256: Sha256Hex
  /** The OS keychain for API keys; without it keys cannot be stored and paper trading still works. */
  secrets?: SecretStore
  /** Models, rules, indicators, prompts and news for the agent desk; without them the desk's channels answer "unavailable". */
  agents?: AgentPorts
}

export interface Workstation {
  readonly info: SystemInfo
  /** Entry point for every contract call from any transport. */
  readonly dispatch: Dispatch
  readonly bus: EventBus<KernelEvents>
  readonly settings: SettingsService
  readonly market: MarketService
  readonly history: HistoryService
  readonly orderPath: OrderPath
  /** The agent desk, when its ports were given. */
  readonly agents: AgentDesk | null
  health(): HealthReport
  /** Subscribes a transport to a contract event. */
  subscribe<E extends EventName>(channel: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Stops timers, flushes storage and logs; safe to call twice. */
  shutdown(): Promise<void>
}

/**
 * The composition root of the kernel. Both shells call it with the ports
 * they picked; nothing inside branches on which shell or mode it runs under.
 */
export function createWorkstation(config: WorkstationConfig, ports: WorkstationPorts): Workstation {
  const { clock, logger, store } = ports
  const registry = createComponentRegistry(clock)
  const bus = createEventBus<KernelEvents>((topic, error) => logger.error('event listener failed', { topic, err: error }))

  const storage = registry.register('storage')
  storage.set('running')
  const settingsComponent = registry.register('settings')
  const settings = createSettingsService({ repository: store.settings, audit: store.audit, bus, logger, clock })
  settingsComponent.set('running')

  const heartbeatComponent = registry.register('heartbeat')
  const heartbeat = startHeartbeat(clock, bus, config.heartbeatMs)
  heartbeatComponent.set('running')

  const { marketStore } = ports
  const market = createMarketService({ clock, bus, logger, components: registry, venues: ports.venues ?? [], store: marketStore })
  const history = createHistoryService({ clock, bus, logger, components: registry, venues: market.venues, store: marketStore, audit: store.audit })

  const orderPath = createOrderPath({
    clock,
    logger,
    bus,
    store,
    venues: market.venues,
    components: registry,
    trading: ports.trading,
    approver: ports.approver,
    sha256: ports.sha256,
    secrets: ports.secrets,
    approvalChannel: config.shell === 'electron' ? 'dialog' : 'terminal',
  })

  const agents = ports.agents
    ? createAgentDesk({
        ports: ports.agents,
        store: store.agents,
        audit: store.audit,
        journal: store.journal,
        orderPath,
        venues: market.venues,
        bus,
        clock,
        logger,
        sha256: ports.sha256,
        secrets: ports.secrets,
        components: registry,
      })
    : null

  registry.onChange((component) => {
    if (component.state === 'degraded') logger.warn('component degraded', { component: component.name, detail: component.detail })
  })

  const info: SystemInfo = {
    version: config.version,
    shell: config.shell,
    mode: config.mode ?? 'paper',
    dataDir: config.dataDir,
    startedAt: clock.now(),
  }

  const dispatch = createDispatcher(
    {
      'system.info': () => info,
      'system.health': () => registry.report(),
      'system.ping': ({ nonce }) => ({ nonce, at: clock.now() }),
      'settings.get': () => settings.get(),
      'settings.update': (patch) => settings.update(patch),
      ...marketHandlers(market),
      ...historyHandlers(history),
      ...accountHandlers(orderPath.accounts),
      ...orderHandlers(orderPath.orders),
      ...portfolioHandlers(orderPath.portfolio, orderPath.accounts),
      ...approvalHandlers(orderPath.approvals),
      ...riskHandlers({
        config: orderPath.riskConfig,
        breakers: orderPath.breakers,
        accounts: orderPath.accounts,
        approvals: orderPath.approvals,
        killSwitch: orderPath.killSwitch,
        audit: store.audit,
        clock,
      }),
      ...liveTradingHandler(orderPath.accounts, orderPath.approvals),
      ...exchangeHandlers(orderPath.keys),
      ...(agents ? agentHandlers(agents) : agentDeskUnavailable()),
    },
    logger,
  )

  store.audit.append({ kind: 'system.started', actor: 'system', payload: { version: config.version, shell: config.shell } }, clock.now())
  logger.info('workstation started', { version: config.version, shell: config.shell, dataDir: config.dataDir })

  let stopped: Promise<void> | null = null
  const shutdown = (): Promise<void> =>
    (stopped ??= (async () => {
      heartbeat.cancel()
      heartbeatComponent.set('stopped')
      // Pilots first: they submit through the order path.
      await agents?.shutdown()
      // The order path next: its paper venues and quote streams ride on the market venues closed below.
      await orderPath.shutdown()
      // Downloads stop first: they write to the market store and read from the venues closed next.
      await history.shutdown()
      await market.shutdown()
      marketStore.close()
      settingsComponent.set('stopped')
      store.audit.append({ kind: 'system.stopped', actor: 'system', payload: {} }, clock.now())
      store.flush()
      store.close()
      storage.set('stopped')
      logger.info('workstation stopped')
      await logger.flush()
    })())

  return {
    info,
    dispatch,
    bus,
    settings,
    market,
    history,
    orderPath,
    agents,
    health: () => registry.report(),
    subscribe: (channel, listener) => bus.subscribe(channel, listener as (payload: KernelEvents[typeof channel]) => void),
    shutdown,
  }
}
