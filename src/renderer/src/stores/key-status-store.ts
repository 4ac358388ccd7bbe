import { create } from 'zustand'
import type { KeyStatus } from '../../../shared/contract/domains/exchanges'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import { getClient } from '../api/client'
import { without } from './record-utils'

/**
 * What the kernel says about each live account's key: stored or not, the
 * last four characters, warnings. Never the key itself: secrets go straight
 * from the form to `exchanges.saveKey` and are not kept anywhere here.
 */
export interface KeyStatusState {
  statuses: Record<string, KeyStatus>
  errors: Record<string, ContractError>
}

export const useKeyStatusStore = create<KeyStatusState>()(() => ({ statuses: {}, errors: {} }))

const set = useKeyStatusStore.setState

function remember(envelope: Envelope<KeyStatus>, accountId: string): void {
  set((s) =>
    envelope.ok
      ? { statuses: { ...s.statuses, [accountId]: envelope.value }, errors: without(s.errors, accountId) }
      : { errors: { ...s.errors, [accountId]: envelope.error } },
  )
}

export async function loadKeyStatus(accountId: string): Promise<void> {
  remember(await getClient().callEnvelope('exchanges.keyStatus', { accountId }), accountId)
}

export interface KeyInput {
  accountId: string
  apiKey: string
  secret: string
  passphrase?: string
}

/** Stores a key after the kernel's read-only test call; the answer (not the key) lands in the store. */
export async function saveKey(input: KeyInput): Promise<Envelope<KeyStatus>> {
  const envelope = await getClient().callEnvelope('exchanges.saveKey', { ...input, confirmed: true })
  if (envelope.ok) remember(envelope, input.accountId)
  return envelope
}

export async function deleteKey(accountId: string): Promise<ContractError | null> {
  const envelope = await getClient().callEnvelope('exchanges.deleteKey', { accountId })
  if (envelope.ok) remember(envelope, accountId)
  return envelope.ok ? null : envelope.error
}
