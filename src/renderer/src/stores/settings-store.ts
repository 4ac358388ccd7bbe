import { create } from 'zustand'
import type { ContractError } from '../../../shared/contract/envelope'
import type { Settings, SettingsPatch } from '../../../shared/domain/settings'
import { getClient } from '../api/client'

export interface SettingsStoreState {
  /** What the kernel last said; null until the first answer. */
  settings: Settings | null
  loadError: ContractError | null
  /** Number of updates in flight, so overlapping saves do not clear each other's spinner. */
  saving: number
  saveError: ContractError | null
  /** performance.now() of the last successful save, to show "Saved" briefly. */
  savedAt: number | null
}

export const useSettingsStore = create<SettingsStoreState>()(() => ({
  settings: null,
  loadError: null,
  saving: 0,
  saveError: null,
  savedAt: null,
}))

export async function loadSettings(): Promise<void> {
  const envelope = await getClient().callEnvelope('settings.get')
  if (envelope.ok) useSettingsStore.setState({ settings: envelope.value, loadError: null })
  else useSettingsStore.setState({ loadError: envelope.error })
}

/** From `settings.changed`: another window (or this one) changed them. */
export function settingsChanged(settings: Settings): void {
  useSettingsStore.setState({ settings, loadError: null })
}

/**
 * Not optimistic: the controls show what the kernel persisted, so a refused
 * change visibly snaps back and its error is shown next to it.
 */
export async function updateSettings(patch: SettingsPatch): Promise<void> {
  useSettingsStore.setState((s) => ({ saving: s.saving + 1, saveError: null }))
  const envelope = await getClient().callEnvelope('settings.update', patch)
  if (envelope.ok) {
    useSettingsStore.setState((s) => ({ settings: envelope.value, saving: s.saving - 1, savedAt: performance.now() }))
  } else {
    useSettingsStore.setState((s) => ({ saving: s.saving - 1, saveError: envelope.error }))
  }
}
