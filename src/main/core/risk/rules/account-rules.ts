import { reason } from '../reasons'
import type { Rule } from './rule'

/**
 * The account must be the one the intent names, on the intent's venue, and a
 * live account sends nothing until the trader has enabled live trading on it.
 * This holds for risk-reducing orders too: "live disabled" means nothing
 * leaves for the venue.
 */
export const accountRules: Rule = (a, out) => {
  const { intent, context } = a
  const account = context.account
  if (!account || account.id !== intent.accountId) {
    out.push(reason('account_unknown', `Account '${intent.accountId}' is not known to the workstation`))
    return
  }
  if (account.venue !== intent.venue) {
    out.push(reason('account_unknown', `Account '${account.id}' trades on ${account.venue}; the intent names ${intent.venue}`))
  }
  if (account.mode === 'live' && !account.liveEnabled) {
    out.push(reason('live_trading_disabled', `Live trading is not enabled on account '${account.id}'; enable it in Settings (a risky action needing approval)`))
  }
}
