import { create } from 'zustand'
import type { ContractError } from '../../../shared/contract/envelope'
import type { SystemInfo } from '../../../shared/domain/system'
import { getClient } from '../api/client'

export interface SystemStoreState {
  info: SystemInfo | null
  error: ContractError | null
}

export const useSystemStore = create<SystemStoreState>()(() => ({ info: null, error: null }))

/** Asked again after every (re)connect: a restarted kernel may have a new version or data dir. */
export async function loadSystemInfo(): Promise<void> {
  const envelope = await getClient().callEnvelope('system.info')
  if (envelope.ok) useSystemStore.setState({ info: envelope.value, error: null })
  else useSystemStore.setState({ error: envelope.error })
}
