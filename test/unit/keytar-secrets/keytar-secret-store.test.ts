import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createKeytarSecretStore, KEYCHAIN_SERVICE, loadKeytar } from '../../../src/main/adapters/keytar-secrets/keytar-secret-store'

// Probed once: the same file runs on a desktop, in CI's unlocked gnome-keyring, and with no keychain at all.
const realStore = createKeytarSecretStore()
const realAvailability = await realStore.availability()
const noKeychainReason = realAvailability.available ? '' : realAvailability.reason

describe.skipIf(!realAvailability.available)(
  `the real OS keychain${realAvailability.available ? '' : ` — skipped, no usable keychain here: ${noKeychainReason}`}`,
  () => {
    const accounts: string[] = []
    const account = (): string => {
      const name = `test-${randomUUID()}`
      accounts.push(name)
      return name
    }
    afterEach(async () => {
      for (const name of accounts.splice(0)) await realStore.delete(name)
    })

    it('is available', async () => {
      expect(await realStore.availability()).toEqual({ available: true })
    })

    it('stores, reads back, replaces and deletes a secret', async () => {
      const name = account()
      expect(await realStore.get(name)).toBeNull()
      await realStore.set(name, 'first-sécret-🔑')
      expect(await realStore.get(name)).toBe('first-sécret-🔑')
      await realStore.set(name, 'second')
      expect(await realStore.get(name)).toBe('second')
      expect(await realStore.delete(name)).toBe(true)
      expect(await realStore.get(name)).toBeNull()
      expect(await realStore.delete(name)).toBe(false)
    })

    it(`keeps secrets under the service ${KEYCHAIN_SERVICE}, and the availability probe leaves nothing behind`, async () => {
      const keytar = await loadKeytar()
      const name = account()
      await realStore.set(name, 'value')
      expect(await keytar.getPassword(KEYCHAIN_SERVICE, name)).toBe('value')
      expect(await keytar.getPassword(KEYCHAIN_SERVICE, 'availability-probe')).toBeNull()
    })
  },
)

// Runs only where no keychain works (this build machine); where one does, the suite above covers the keychain instead.
describe.runIf(!realAvailability.available)('without a usable OS keychain (skipped where a keychain works: the suite above runs instead)', () => {
  it('says it is unavailable and why, and set() refuses with that same reason', async () => {
    expect(realAvailability).toEqual({ available: false, reason: expect.stringMatching(/keychain|keyring|D-Bus/i) })
    const secret = `never-stored-${randomUUID()}`
    const refusal = await realStore.set(`test-${randomUUID()}`, secret).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(Error)
    expect((refusal as Error).message).toBe(noKeychainReason)
    expect((refusal as Error).message).not.toContain(secret)
  })
})
