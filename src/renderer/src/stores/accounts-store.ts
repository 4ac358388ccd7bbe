import { create } from 'zustand'
import type { CommandInput } from '../../../shared/contract/channels'
import type { AccountStatus } from '../../../shared/contract/domains/accounts'
import type { ContractError } from '../../../shared/contract/envelope'
import { getClient } from '../api/client'

export interface AccountsState {
  /** Null until the kernel has answered once. */
  accounts: AccountStatus[] | null
  error: ContractError | null
}

export const useAccountsStore = create<AccountsState>()(() => ({ accounts: null, error: null }))

export async function loadAccounts(): Promise<void> {
  const envelope = await getClient().callEnvelope('accounts.list')
  if (envelope.ok) useAccountsStore.setState({ accounts: envelope.value, error: null })
  else useAccountsStore.setState({ error: envelope.error })
}

/** From `accounts.changed` and from our own calls' answers: one account, replaced or added. */
export function accountChanged(account: AccountStatus): void {
  useAccountsStore.setState((s) => ({ accounts: upsertAccount(s.accounts ?? [], account) }))
}

export function upsertAccount(list: readonly AccountStatus[], account: AccountStatus): AccountStatus[] {
  const index = list.findIndex((a) => a.id === account.id)
  if (index === -1) return [...list, account]
  const next = [...list]
  next[index] = account
  return next
}

export type CreateAccountInput = CommandInput<'accounts.create'>

/** Returns the kernel's error for the form to show next to it; the store only learns the new account. */
export async function createAccount(input: CreateAccountInput): Promise<ContractError | null> {
  const envelope = await getClient().callEnvelope('accounts.create', input)
  if (!envelope.ok) return envelope.error
  accountChanged(envelope.value)
  return null
}

export async function setLiveTrading(accountId: string, enabled: boolean): Promise<ContractError | null> {
  // confirmed: the trader went through the app's own confirmation; the kernel still asks for its second approval.
  const envelope = await getClient().callEnvelope('accounts.setLiveTrading', { accountId, enabled, confirmed: true })
  if (!envelope.ok) return envelope.error
  accountChanged(envelope.value)
  return null
}
