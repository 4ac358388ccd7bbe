import type { SecretStore } from '../../src/main/ports/secret-store'

/**
 * A keychain in memory for tests. `unavailable` makes it behave like a
 * machine without one (no Secret Service): every call refuses with the reason.
 */
export interface MemorySecretStore extends SecretStore {
  readonly entries: Map<string, string>
}

export function createMemorySecretStore(options: { unavailable?: string } = {}): MemorySecretStore {
  const entries = new Map<string, string>()
  const refuse = (): Promise<never> => Promise.reject(new Error(options.unavailable))
  return {
    entries,
    availability: async () => (options.unavailable ? { available: false, reason: options.unavailable } : { available: true }),
    get: (account) => (options.unavailable ? refuse() : Promise.resolve(entries.get(account) ?? null)),
    async set(account, secret) {
      if (options.unavailable) return refuse()
      entries.set(account, secret)
    },
    delete: (account) => (options.unavailable ? refuse() : Promise.resolve(entries.delete(account))),
  }
}
