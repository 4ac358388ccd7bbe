import { DEFAULT_MODEL_PRICES, PROVIDER_PRESETS } from '../../../shared/domain/agents/provider-presets'
import type { AgentStore } from '../../ports/agent-store'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { AccountService } from '../accounts/account-service'
import { ARENA_STARTING_BALANCE, DEFAULT_PILOTS } from './default-pilots'
import type { NewsService } from './news'
import { DEFAULT_NEWS_FEEDS } from './news'

export interface SeedDeps {
  store: AgentStore
  accounts: AccountService
  news: NewsService
  venueIds: () => readonly string[]
  clock: Clock
  logger: Logger
}

/**
 * A fresh profile gets the provider presets, the price table, the (disabled)
 * news feeds and the default arena. Each step runs only when its table is
 * empty, so what the trader changed or removed stays changed.
 */
export function seedAgentDesk(deps: SeedDeps): void {
  const { store, accounts, clock } = deps
  if (store.providers.list().length === 0) {
    for (const preset of PROVIDER_PRESETS) if (preset.kind !== 'rules') store.providers.upsert(preset)
    if (store.providers.prices().length === 0) store.providers.setPrices(DEFAULT_MODEL_PRICES)
    if (deps.news.feeds().length === 0) deps.news.setFeeds(DEFAULT_NEWS_FEEDS)
  }
  if (store.pilots.list().length > 0) return
  for (const pilot of DEFAULT_PILOTS) {
    if (!deps.venueIds().includes(pilot.venue)) {
      deps.logger.info('default pilot not created: its venue is not registered', { pilotId: pilot.id, venue: pilot.venue })
      continue
    }
    const { accountName, ...config } = pilot
    if (!accounts.get(config.accountId)) {
      accounts.create({ id: config.accountId, name: accountName, venue: config.venue, mode: 'paper', startingBalance: ARENA_STARTING_BALANCE, pilotId: config.id })
    }
    store.pilots.upsert({ ...config, createdAt: clock.now() })
  }
}
