import { describe, expect, it } from 'vitest'
import { KEYCHAIN_MISSING } from '../support/test-kernel'
import type { ContractSuiteOptions } from './contract-suite'
import { draft, useOrderPathRig } from './order-path-support'

const KEY = { apiKey: 'abcd-1234-efgh-5678', secret: 'super-secret-value', passphrase: 'pass-phrase!' }

/** Exchange keys and live accounts over one transport, on a machine without a keychain (OKX registered, never contacted). */
export function defineKeysContract(name: string, options: ContractSuiteOptions): void {
  describe(`exchange keys over ${name}`, () => {
    const rig = useOrderPathRig(options, { venues: ['sim', 'okx'] })

    it('without a keychain, keys are refused with the reason and paper trading goes on', async () => {
      const live = await rig.call('accounts.create', { id: 'okx-live', name: 'OKX', venue: 'okx', mode: 'live' })
      expect(live).toMatchObject({ mode: 'live', liveEnabled: false, keyStored: false })
      expect(await rig.call('exchanges.keyStatus', { accountId: 'okx-live' })).toEqual({
        accountId: 'okx-live',
        keychainAvailable: false,
        keychainProblem: KEYCHAIN_MISSING,
        stored: false,
        keyHint: null,
        verifiedAt: null,
        warnings: [],
      })
      const save = await rig.raw('exchanges.saveKey', { accountId: 'okx-live', ...KEY, confirmed: true })
      expect(save).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(KEYCHAIN_MISSING) } })
      expect(JSON.stringify(save)).not.toContain(KEY.secret)
      expect(await rig.raw('exchanges.deleteKey', { accountId: 'okx-live' })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
      expect(rig.kernel.approver.requests).toEqual([])

      expect(await rig.raw('accounts.setLiveTrading', { accountId: 'okx-live', enabled: true, confirmed: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('API key') } })
      expect(await rig.raw('accounts.setLiveTrading', { accountId: 'paper-sim', enabled: true, confirmed: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await rig.raw('exchanges.saveKey', { accountId: 'paper-sim', ...KEY, confirmed: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('sim takes no API keys') } })

      // OKX is never reached here (its market list would be): the live account's orders are tested against the fake OKX.
      expect(await rig.call('orders.submit', { draft: draft(), confirmed: true })).toMatchObject({ status: 'sent' })
    })
  })
}
