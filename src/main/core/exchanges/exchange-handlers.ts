import { HandlerError } from '../../../shared/contract/envelope'
import type { AccountService } from '../accounts/account-service'
import type { SecondApproval } from '../approval-service/second-approval'
import type { CommandHandlers } from '../contract/dispatcher'
import type { KeyService } from './key-service'

/** exchanges.*: keys in the OS keychain, never crossing back. */
export function exchangeHandlers(keys: KeyService): Pick<CommandHandlers, 'exchanges.keyStatus' | 'exchanges.saveKey' | 'exchanges.deleteKey'> {
  return {
    'exchanges.keyStatus': ({ accountId }) => keys.status(accountId),
    'exchanges.saveKey': (input) => keys.save(input),
    'exchanges.deleteKey': ({ accountId }) => keys.remove(accountId),
  }
}

/**
 * accounts.setLiveTrading: off at once; on only for a live account with a
 * stored key, after the trader's confirmation and a second approval.
 */
export function liveTradingHandler(accounts: AccountService, approvals: SecondApproval): Pick<CommandHandlers, 'accounts.setLiveTrading'> {
  return {
    'accounts.setLiveTrading': async ({ accountId, enabled, confirmed }) => {
      const account = accounts.require(accountId)
      if (account.mode !== 'live') throw new HandlerError('invalid_input', `${accountId} is a paper account; only live accounts trade live`)
      if (account.liveEnabled === enabled) return accounts.status(account)
      if (enabled) {
        if (!account.key) throw new HandlerError('invalid_input', `Store an API key for ${accountId} first (Settings → exchange keys)`)
        const consume = await approvals.require({ kind: 'enable_live_mode', accountId }, confirmed)
        // The key may have been removed while the approval was pending.
        if (!accounts.require(accountId).key) throw new HandlerError('invalid_input', `The key of ${accountId} was removed meanwhile; live trading stays off`)
        consume()
      }
      const updated = accounts.update(accountId, { liveEnabled: enabled }, { kind: enabled ? 'accounts.liveEnabled' : 'accounts.liveDisabled', payload: { accountId, venue: account.venue, keyHint: account.key?.hint ?? null } })
      return accounts.status(updated)
    },
  }
}
