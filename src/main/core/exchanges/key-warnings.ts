import type { StoredAccount } from '../../ports/account-repository'
import type { ApiCredentials, CredentialCheck } from '../../ports/venue-access'

/** What the trader should know about a key that works: the venue's own facts, never the key. */
export function keyWarnings(account: Pick<StoredAccount, 'mode'>, check: Extract<CredentialCheck, { ok: true }>): string[] {
  const warnings: string[] = []
  const permissions = check.permissions
  if (permissions?.includes('withdraw')) warnings.push('This key can withdraw funds. A trading workstation never needs that: create a key without the withdraw permission.')
  if (permissions && !permissions.includes('trade')) warnings.push('This key is read-only: the venue will refuse orders sent with it.')
  if (account.mode === 'live' && check.demo) warnings.push("This is a demo key: the live account's orders go to the venue's demo trading, not to real funds.")
  if (account.mode === 'paper' && !check.demo) warnings.push('This key trades real funds, but the account is a paper account: its orders never reach the venue.')
  return warnings
}

/** Replaces any part of the credentials in a message, in case a venue or library echoed one. */
export function scrubSecrets(message: string, credentials: ApiCredentials | null): string {
  if (!credentials) return message
  let clean = message
  for (const value of [credentials.apiKey, credentials.secret, credentials.passphrase]) {
    if (value && value.length >= 4) clean = clean.split(value).join('[redacted]')
  }
  return clean
}
