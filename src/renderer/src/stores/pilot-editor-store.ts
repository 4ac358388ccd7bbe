import { create } from 'zustand'
import { pilotCommands } from '../../../shared/contract/domains/pilots'
import type { ContractError } from '../../../shared/contract/envelope'
import type { Instrument } from '../../../shared/domain/market'
import { getClient } from '../api/client'
import { pilotChanged } from './arena-pilots-store'
import type { PilotPatch } from './pilot-editor-form'
import { without } from './record-utils'

/**
 * The pilot settings dialog: which pilot it edits, and the markets of each
 * venue a pilot trades on (its symbol choices). The form itself lives in the
 * dialog; a saved change reaches the Arena through the pilots store.
 */
export interface PilotEditorState {
  /** The pilot whose settings are open; one dialog at a time. */
  editing: string | null
  /** Active markets per venue id, loaded when a dialog for that venue first opens. */
  markets: Record<string, Instrument[]>
  marketsError: Record<string, ContractError>
}

export const usePilotEditorStore = create<PilotEditorState>()(() => ({ editing: null, markets: {}, marketsError: {} }))

const set = usePilotEditorStore.setState

export function openPilotSettings(pilotId: string): void {
  set({ editing: pilotId })
}

export function closePilotSettings(): void {
  set({ editing: null })
}

const loading = new Map<string, Promise<void>>()

/** A venue's markets, asked once per venue (concurrent asks share the call); a failure is kept per venue and asked again next time. */
export function loadVenueMarkets(venue: string): Promise<void> {
  if (usePilotEditorStore.getState().markets[venue]) return Promise.resolve()
  let pending = loading.get(venue)
  if (!pending) {
    pending = fetchMarkets(venue).finally(() => loading.delete(venue))
    loading.set(venue, pending)
  }
  return pending
}

async function fetchMarkets(venue: string): Promise<void> {
  const envelope = await getClient().callEnvelope('market.listMarkets', { venue })
  if (envelope.ok) set((s) => ({ markets: { ...s.markets, [venue]: envelope.value.filter((m) => m.active) }, marketsError: without(s.marketsError, venue) }))
  else set((s) => ({ marketsError: { ...s.marketsError, [venue]: envelope.error } }))
}

/**
 * Sends the patch; the kernel validates the whole pilot and answers with its
 * new status, which the Arena shows at once. Resolves with the kernel's
 * refusal, or null when saved.
 */
export async function savePilotSettings(pilotId: string, patch: PilotPatch): Promise<ContractError | null> {
  // The kernel checks again; checking here first means a bad patch never leaves the window.
  const input = pilotCommands['pilots.update'].input.safeParse({ pilotId, patch })
  if (!input.success) return { code: 'invalid_input', message: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }
  const envelope = await getClient().callEnvelope('pilots.update', input.data)
  if (!envelope.ok) return envelope.error
  pilotChanged(envelope.value)
  return null
}

export function resetPilotEditorStore(): void {
  loading.clear()
  set({ editing: null, markets: {}, marketsError: {} })
}
