import type { KeyStatus } from '../../../shared/contract/domains/exchanges'
import { HandlerError } from '../../../shared/contract/envelope'
import type { AccountId } from '../../../shared/domain/account'
import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { SecretStore } from '../../ports/secret-store'
import { apiKeySecretName, type ApiCredentials, type CredentialCheck, type VenueAccess } from '../../ports/venue-access'
import type { AccountService } from '../accounts/account-service'
import { CONFIRMATION_NEEDED, type SecondApproval } from '../approval-service/second-approval'
import { keyWarnings, scrubSecrets } from './key-warnings'

export interface SaveKeyInput extends ApiCredentials {
  accountId: AccountId
  confirmed: boolean
}

export interface KeyService {
  status(accountId: AccountId): Promise<KeyStatus>
  save(input: SaveKeyInput): Promise<KeyStatus>
  remove(accountId: AccountId): Promise<KeyStatus>
}

export interface KeyServiceDeps {
  accounts: AccountService
  secrets: SecretStore | undefined
  trading: VenueAccess | undefined
  approvals: SecondApproval
  clock: Clock
  logger: Logger
  /** After a key changed: the account's venue connection is rebuilt with it (and reconciled). */
  keyChanged: (account: StoredAccount) => void
}

const NO_KEYCHAIN = 'This workstation has no OS keychain configured'

/**
 * API keys: from the command input straight to the OS keychain, never into
 * logs, SQLite, events or the audit log (which get the last four characters
 * of the key id and what the venue said about it). Storing one is a risky
 * action, and happens only after a read-only call with it succeeded.
 */
export function createKeyService(deps: KeyServiceDeps): KeyService {
  const { accounts, clock, logger } = deps

  const keychain = async (): Promise<{ available: true } | { available: false; reason: string }> => {
    if (!deps.secrets) return { available: false, reason: NO_KEYCHAIN }
    try {
      return await deps.secrets.availability()
    } catch (error) {
      return { available: false, reason: error instanceof Error ? error.message : String(error) }
    }
  }

  const statusOf = async (account: StoredAccount): Promise<KeyStatus> => {
    const availability = await keychain()
    return {
      accountId: account.id,
      keychainAvailable: availability.available,
      keychainProblem: availability.available ? null : availability.reason,
      stored: account.key !== null,
      keyHint: account.key?.hint ?? null,
      verifiedAt: account.key?.verifiedAt ?? null,
      warnings: account.key?.warnings ?? [],
    }
  }

  const requireKeychain = async (): Promise<SecretStore> => {
    const availability = await keychain()
    if (!deps.secrets || !availability.available) {
      const reason = availability.available ? NO_KEYCHAIN : availability.reason
      throw new HandlerError('unavailable', `The OS keychain is not available, so API keys cannot be stored or removed: ${reason}. Paper trading works without one.`)
    }
    return deps.secrets
  }

  // The keychain adapter's messages never carry a secret; scrubbed again all the same.
  const keychainCall = async <T>(doing: string, credentials: ApiCredentials | null, call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (error) {
      const message = scrubSecrets(error instanceof Error ? error.message : String(error), credentials)
      throw new HandlerError('unavailable', `${doing} failed: ${message}`)
    }
  }

  const verify = async (account: StoredAccount, credentials: ApiCredentials): Promise<Extract<CredentialCheck, { ok: true }>> => {
    let check: CredentialCheck
    try {
      check = await deps.trading!.verifyCredentials(account.venue, credentials)
    } catch (error) {
      check = { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
    if (!check.ok) throw new HandlerError('invalid_input', `${account.venue} refused the test call with this key, so it was not stored: ${scrubSecrets(check.message, credentials)}`)
    return check
  }

  return {
    status: (accountId) => statusOf(accounts.require(accountId)),
    async save(input) {
      const account = accounts.require(input.accountId)
      if (!deps.trading?.supportsLive(account.venue)) throw new HandlerError('invalid_input', `${account.venue} takes no API keys: it has no live trading adapter`)
      if (!input.confirmed) throw new HandlerError('forbidden', CONFIRMATION_NEEDED)
      const secrets = await requireKeychain()
      const credentials: ApiCredentials = { apiKey: input.apiKey, secret: input.secret, ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}) }
      const check = await verify(account, credentials)
      const hint = input.apiKey.slice(-4)
      const consume = await deps.approvals.require({ kind: 'add_api_key', venue: account.venue, accountId: account.id, keyIdLast4: hint }, true)
      consume()
      await keychainCall('Storing the key in the OS keychain', credentials, () => secrets.set(apiKeySecretName(account.id), JSON.stringify(credentials)))
      const warnings = keyWarnings(account, check)
      const updated = accounts.update(
        account.id,
        { key: { hint, demo: check.demo, verifiedAt: clock.now(), warnings } },
        { kind: 'exchanges.keySaved', payload: { accountId: account.id, venue: account.venue, keyHint: hint, demo: check.demo, permissions: check.permissions, warnings } },
      )
      logger.info('API key stored in the keychain', { accountId: account.id, venue: account.venue, keyHint: hint, demo: check.demo })
      deps.keyChanged(updated)
      return statusOf(updated)
    },
    async remove(accountId) {
      const account = accounts.require(accountId)
      const secrets = await requireKeychain()
      const removed = await keychainCall('Removing the key from the OS keychain', null, () => secrets.delete(apiKeySecretName(account.id)))
      // Without a key nothing can trade live: live trading goes off with it.
      const updated = accounts.update(
        account.id,
        { key: null, liveEnabled: false },
        { kind: 'exchanges.keyDeleted', payload: { accountId: account.id, keyHint: account.key?.hint ?? null, wasInKeychain: removed, liveTradingWasEnabled: account.liveEnabled } },
      )
      deps.keyChanged(updated)
      return statusOf(updated)
    },
  }
}
