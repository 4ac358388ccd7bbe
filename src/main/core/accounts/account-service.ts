import type { AccountStatus } from '../../../shared/contract/domains/accounts'
import { HandlerError } from '../../../shared/contract/envelope'
import type { AccountId, AccountMode } from '../../../shared/domain/account'
import type { BreakerState } from '../../../shared/domain/risk'
import type { VenueId } from '../../../shared/domain/market'
import type { AccountChange, AccountRepository, StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { AuditLog } from '../../ports/store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

/** The account every fresh profile gets: paper trading on the simulator, nothing to set up. */
export const DEFAULT_PAPER_ACCOUNT = { id: 'paper-sim', name: 'Paper (simulator)', venue: 'sim', startingBalance: 10_000, currency: 'USDT' } as const

export interface NewAccount {
  id: AccountId
  name: string
  venue: VenueId
  mode: AccountMode
  startingBalance?: number | undefined
  /** The arena pilot that trades this account, if any (seeded by the agent desk). */
  pilotId?: string | null | undefined
}

export interface AccountService {
  list(): StoredAccount[]
  get(id: AccountId): StoredAccount | null
  /** The account, or an invalid_input error naming it. */
  require(id: AccountId): StoredAccount
  create(input: NewAccount): StoredAccount
  update(id: AccountId, change: AccountChange, audit: { kind: string; payload: Record<string, unknown> }): StoredAccount
  status(account: StoredAccount): AccountStatus
  /** Announces the account's current status (after its breaker or key changed). */
  announce(id: AccountId): void
  onCreated(listener: (account: StoredAccount) => void): () => void
}

export interface AccountServiceDeps {
  repository: AccountRepository
  audit: AuditLog
  bus: EventBus<KernelEvents>
  clock: Clock
  logger: Logger
  venueIds: () => readonly VenueId[]
  /** Whether live accounts can trade on a venue (composition knows which venues have a live adapter). */
  supportsLive: (venue: VenueId) => boolean
  breaker: (accountId: AccountId) => { state: BreakerState; paused: boolean }
}

/**
 * The profile's trading accounts. A fresh profile gets the default paper
 * account on the simulator, when the simulator is registered; live accounts
 * start with live trading off.
 */
export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { repository, audit, bus, clock, logger } = deps
  const createdListeners = new Set<(account: StoredAccount) => void>()

  if (repository.list().length === 0 && deps.venueIds().includes(DEFAULT_PAPER_ACCOUNT.venue)) {
    const account: StoredAccount = { ...DEFAULT_PAPER_ACCOUNT, mode: 'paper', pilotId: null, liveEnabled: false, createdAt: clock.now(), key: null }
    repository.insert(account)
    audit.append({ kind: 'accounts.created', actor: 'system', subject: account.id, payload: describe(account) }, clock.now())
    logger.info('created the default paper account', { accountId: account.id })
  }

  const status = (account: StoredAccount): AccountStatus => {
    const breaker = deps.breaker(account.id)
    return {
      id: account.id,
      name: account.name,
      venue: account.venue,
      mode: account.mode,
      pilotId: account.pilotId,
      liveEnabled: account.liveEnabled,
      createdAt: account.createdAt,
      breaker: breaker.state,
      paused: breaker.paused,
      keyStored: account.key !== null,
    }
  }

  const requireAccount = (id: AccountId): StoredAccount => {
    const account = repository.get(id)
    if (!account) throw new HandlerError('invalid_input', `Unknown account ${JSON.stringify(id)}; known: ${repository.list().map((a) => a.id).join(', ') || 'none'}`)
    return account
  }

  return {
    list: () => repository.list(),
    get: (id) => repository.get(id),
    require: requireAccount,
    create(input) {
      if (repository.get(input.id)) throw new HandlerError('invalid_input', `An account named ${JSON.stringify(input.id)} exists already`)
      const venues = deps.venueIds()
      if (!venues.includes(input.venue)) throw new HandlerError('invalid_input', `Unknown venue ${JSON.stringify(input.venue)}; expected one of: ${venues.join(', ')}`)
      if (input.mode === 'live' && !deps.supportsLive(input.venue)) throw new HandlerError('invalid_input', `${input.venue} cannot host a live account; paper trading works on it`)
      if (input.mode === 'live' && input.startingBalance !== undefined) throw new HandlerError('invalid_input', "A live account's balance is the venue's; leave startingBalance out")
      const account: StoredAccount = {
        id: input.id,
        name: input.name,
        venue: input.venue,
        mode: input.mode,
        pilotId: input.pilotId ?? null,
        liveEnabled: false,
        createdAt: clock.now(),
        startingBalance: input.mode === 'paper' ? (input.startingBalance ?? DEFAULT_PAPER_ACCOUNT.startingBalance) : 0,
        currency: DEFAULT_PAPER_ACCOUNT.currency,
        key: null,
      }
      repository.insert(account)
      audit.append({ kind: 'accounts.created', actor: account.pilotId ? 'system' : 'user', subject: account.id, payload: describe(account) }, clock.now())
      logger.info('account created', { accountId: account.id, venue: account.venue, mode: account.mode })
      for (const listener of [...createdListeners]) listener(account)
      bus.publish('accounts.changed', status(account))
      return account
    },
    update(id, change, entry) {
      requireAccount(id)
      const account = repository.update(id, change)
      audit.append({ kind: entry.kind, actor: 'user', subject: id, payload: entry.payload }, clock.now())
      bus.publish('accounts.changed', status(account))
      return account
    },
    status,
    announce(id) {
      const account = repository.get(id)
      if (account) bus.publish('accounts.changed', status(account))
    },
    onCreated(listener) {
      createdListeners.add(listener)
      return () => void createdListeners.delete(listener)
    },
  }
}

function describe(account: StoredAccount): Record<string, unknown> {
  return { id: account.id, name: account.name, venue: account.venue, mode: account.mode, startingBalance: account.startingBalance, currency: account.currency }
}
