import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { classifyKeychainError } from '../../../src/main/adapters/keytar-secrets/keychain-problem'
import { createKeytarSecretStore, type KeytarModule } from '../../../src/main/adapters/keytar-secrets/keytar-secret-store'

/** An in-memory keytar; `fail` makes every call reject with that message. */
function fakeKeytar(fail?: (password?: string) => string): KeytarModule & { items: Map<string, string>; calls: number } {
  const items = new Map<string, string>()
  const fake = {
    items,
    calls: 0,
    async getPassword(service: string, account: string) {
      fake.calls++
      if (fail) throw new Error(fail())
      return items.get(`${service}/${account}`) ?? null
    },
    async setPassword(service: string, account: string, password: string) {
      fake.calls++
      if (fail) throw new Error(fail(password))
      items.set(`${service}/${account}`, password)
    },
    async deletePassword(service: string, account: string) {
      fake.calls++
      if (fail) throw new Error(fail())
      return items.delete(`${service}/${account}`)
    },
  }
  return fake
}

describe('keytar secret store, simulated', () => {
  it('a module that fails to load makes the keychain unavailable, with the reason, and is not retried', async () => {
    let loads = 0
    const logger = createMemoryLogger()
    const store = createKeytarSecretStore({
      logger,
      load: async () => {
        loads++
        throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')
      },
    })
    const availability = await store.availability()
    expect(availability).toEqual({ available: false, reason: expect.stringContaining('keychain module (keytar) failed to load: libsecret-1.so.0') })
    if (availability.available) return
    expect(availability.reason).toContain('paper trading is unaffected')
    await expect(store.set('okx/main/secret', 'hunter2hunter2')).rejects.toThrow(availability.reason)
    await expect(store.get('okx/main/secret')).rejects.toMatchObject({ name: 'KeychainUnavailableError', problem: 'module' })
    expect(loads).toBe(1)
    expect(logger.records.filter((r) => r.level === 'warn')).toHaveLength(1)
  })

  it('stores under the ai-trading-workstation service', async () => {
    const keytar = fakeKeytar()
    const store = createKeytarSecretStore({ load: async () => keytar })
    expect(await store.availability()).toEqual({ available: true })
    await store.set('okx/main/apiSecret', 's3cr3t')
    expect([...keytar.items]).toEqual([['ai-trading-workstation/okx/main/apiSecret', 's3cr3t']])
    expect(await store.get('okx/main/apiSecret')).toBe('s3cr3t')
    expect(await store.delete('okx/main/apiSecret')).toBe(true)
  })

  it('a locked keyring reads fine but refuses writes: availability probes with a write', async () => {
    const keytar = fakeKeytar()
    keytar.setPassword = async () => {
      throw new Error('Cannot create an item in a locked collection')
    }
    const store = createKeytarSecretStore({ load: async () => keytar })
    expect(await store.availability()).toEqual({ available: false, reason: expect.stringContaining('keyring is locked') })
  })

  it('a keychain that never answers (an unlock prompt nobody sees) times out', async () => {
    const keytar = fakeKeytar()
    keytar.setPassword = () => new Promise(() => {})
    const store = createKeytarSecretStore({ load: async () => keytar, probeTimeoutMs: 20 })
    expect(await store.availability()).toEqual({ available: false, reason: expect.stringContaining('did not answer') })
  })

  it('never lets the secret into an error message or the log', async () => {
    const logger = createMemoryLogger('trace')
    const keytar = fakeKeytar((password) => `Secret Service said no to ${password ?? 'a read'}`)
    const store = createKeytarSecretStore({ load: async () => keytar, logger })
    const error = (await store.set('okx/main/apiSecret', 'TOPSECRET-abc123').catch((e: unknown) => e)) as Error
    expect(error.message).not.toContain('TOPSECRET')
    expect(error.message).toContain('[REDACTED]')
    await store.availability()
    expect(JSON.stringify(logger.records)).not.toContain('TOPSECRET')
  })

  it('refuses an empty secret or a reserved account without touching the keychain', async () => {
    const keytar = fakeKeytar()
    const store = createKeytarSecretStore({ load: async () => keytar })
    await expect(store.set('a', '')).rejects.toThrow(TypeError)
    await expect(store.set('', 'x')).rejects.toThrow(TypeError)
    await expect(store.get('availability-probe')).rejects.toThrow(/reserved/)
    expect(keytar.calls).toBe(0)
  })
})

describe('classifyKeychainError', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_dbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['something new', 'other'],
  ])('%s → %s', (message, problem) => {
    expect(classifyKeychainError(new Error(message))).toMatchObject({ problem })
  })
})
