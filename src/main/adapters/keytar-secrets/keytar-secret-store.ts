import { randomBytes } from 'node:crypto'
import type { Logger } from '../../ports/logger'
import type { SecretStore } from '../../ports/secret-store'
import { classifyKeychainError, KeychainUnavailableError, moduleLoadProblem, timeoutProblem } from './keychain-problem'

export const KEYCHAIN_SERVICE = 'ai-trading-workstation'

/** The three keytar calls this adapter makes. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export type KeytarLoader = () => Promise<KeytarModule>

/**
 * Loaded on first use, not at start: keytar is a native module linked to
 * libsecret, and a machine without it must still start and paper-trade.
 */
export const loadKeytar: KeytarLoader = async () => {
  const loaded: Partial<KeytarModule> & { default?: KeytarModule } = await import('keytar')
  // keytar is CommonJS: the functions sit on `default` when imported from ESM.
  const keytar = loaded.default ?? (loaded as KeytarModule)
  if (typeof keytar.setPassword !== 'function') throw new Error('the keytar module has no setPassword')
  return keytar
}

export interface KeytarSecretStoreOptions {
  service?: string
  load?: KeytarLoader
  logger?: Logger
  /** A locked desktop keyring may show an unlock prompt; past this, availability says so instead of hanging. */
  probeTimeoutMs?: number
}

// Written and deleted by availability(): only a write shows that a keyring is unlocked.
const PROBE_ACCOUNT = 'availability-probe'

/**
 * SecretStore on the OS keychain (Secret Service on Linux, Keychain on macOS,
 * Credential Manager on Windows). Failures reject with a
 * KeychainUnavailableError whose message the UI can show and which never
 * contains the secret; nothing here logs a secret or an account's value.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE
  const load = options.load ?? loadKeytar
  const probeTimeoutMs = options.probeTimeoutMs ?? 30_000
  let loading: Promise<KeytarModule> | null = null
  let lastReason: string | null = null

  // A module that failed to load will not load later in the same process: remember the failure.
  const keytar = (): Promise<KeytarModule> => {
    loading ??= Promise.resolve()
      .then(load)
      .catch((error: unknown) => {
        throw moduleLoadProblem(error)
      })
    return loading
  }

  // Runs one keychain call, turning any failure into a readable, secret-free error.
  async function call<T>(run: (k: KeytarModule) => Promise<T>, secret?: string): Promise<T> {
    const k = await keytar()
    try {
      return await run(k)
    } catch (error) {
      throw error instanceof KeychainUnavailableError ? error : classifyKeychainError(error, secret)
    }
  }

  function report(error: KeychainUnavailableError): { available: false; reason: string } {
    if (error.message !== lastReason) options.logger?.warn('the OS keychain is unavailable', { problem: error.problem, reason: error.message })
    lastReason = error.message
    return { available: false, reason: error.message }
  }

  async function probe(): Promise<void> {
    const value = randomBytes(16).toString('hex')
    await call((k) => k.setPassword(service, PROBE_ACCOUNT, value), value)
    const read = await call((k) => k.getPassword(service, PROBE_ACCOUNT))
    await call((k) => k.deletePassword(service, PROBE_ACCOUNT))
    if (read !== value) throw new KeychainUnavailableError('other', 'The OS keychain did not return what was just stored in it.')
  }

  return {
    async availability() {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeoutProblem(probeTimeoutMs)), probeTimeoutMs)
        timer.unref()
      })
      try {
        await Promise.race([probe(), timeout])
        lastReason = null
        return { available: true }
      } catch (error) {
        return report(error instanceof KeychainUnavailableError ? error : classifyKeychainError(error))
      } finally {
        clearTimeout(timer)
      }
    },
    async get(account) {
      const name = checkAccount(account)
      return call((k) => k.getPassword(service, name))
    },
    async set(account, secret) {
      const name = checkAccount(account)
      if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('A secret to store must be a non-empty string')
      await call((k) => k.setPassword(service, name, secret), secret)
    },
    async delete(account) {
      const name = checkAccount(account)
      return call((k) => k.deletePassword(service, name))
    },
  }
}

function checkAccount(account: string): string {
  if (typeof account !== 'string' || account.length === 0 || account.length > 255) throw new TypeError('A keychain account name must be 1-255 characters')
  if (account === PROBE_ACCOUNT) throw new TypeError(`The account name ${PROBE_ACCOUNT} is reserved`)
  return account
}
