import { create } from 'zustand'
import type { VenueStatus } from '../../../shared/contract/domains/market'
import { NewPilotSchema, pilotCommands, type NewPilot } from '../../../shared/contract/domains/pilots'
import type { ContractError } from '../../../shared/contract/envelope'
import type { PilotStatus } from '../../../shared/domain/agents/pilot'
import type { Instrument } from '../../../shared/domain/market'
import { getClient } from '../api/client'
import { pilotChanged, pilotRemoved, reloadPilots } from './arena-pilots-store'
import { forgetArenaPilot, loadArena } from './arena-store'
import type { PilotPatch } from './pilot-editor-form'
import { without } from './record-utils'

/** A pilot just created here: its card says it waits, paused, for the trader to resume it. */
export interface CreatedPilot {
  pilotId: string
  accountId: string
  startingBalance: number
}

/**
 * The pilot settings dialog, editing a pilot or creating one, and what it
 * chooses from: the venues and the markets of each venue a pilot trades on.
 * The form itself lives in the dialog; a saved change reaches the Arena
 * through the pilots store.
 */
export interface PilotEditorState {
  /** The pilot whose settings are open; one dialog at a time. */
  editing: string | null
  /** The dialog is open on a new pilot. */
  creating: boolean
  /** The kernel's venues, loaded when the new-pilot dialog first opens; null until then. */
  venues: VenueStatus[] | null
  venuesError: ContractError | null
  /** Active markets per venue id, loaded when a dialog for that venue first opens. */
  markets: Record<string, Instrument[]>
  marketsError: Record<string, ContractError>
  /** The last pilot created here, until the trader dismisses the note on its card. */
  created: CreatedPilot | null
}

const initialState = (): PilotEditorState => ({ editing: null, creating: false, venues: null, venuesError: null, markets: {}, marketsError: {}, created: null })

export const usePilotEditorStore = create<PilotEditorState>()(initialState)

const set = usePilotEditorStore.setState

export function openPilotSettings(pilotId: string): void {
  set({ editing: pilotId, creating: false })
}

export function openNewPilot(): void {
  set({ editing: null, creating: true })
}

/** Closes whichever dialog is open: Cancel, Escape, saved or created. */
export function closePilotSettings(): void {
  set({ editing: null, creating: false })
}

export function dismissCreatedPilot(): void {
  set({ created: null })
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
  if (!input.success) return invalidInput(input.error.issues)
  const envelope = await getClient().callEnvelope('pilots.update', input.data)
  if (!envelope.ok) return envelope.error
  pilotChanged(envelope.value)
  return null
}

let venuesLoading: Promise<void> | null = null

/** The venues a new pilot may trade on, asked once (concurrent asks share the call); a failure is asked again next time. */
export function loadPilotVenues(): Promise<void> {
  if (usePilotEditorStore.getState().venues) return Promise.resolve()
  venuesLoading ??= fetchVenues().finally(() => (venuesLoading = null))
  return venuesLoading
}

async function fetchVenues(): Promise<void> {
  const envelope = await getClient().callEnvelope('market.listVenues')
  set(envelope.ok ? { venues: envelope.value, venuesError: null } : { venuesError: envelope.error })
}

export type CreateResult = { ok: true; status: PilotStatus } | { ok: false; error: ContractError }

/**
 * Creates the pilot with its own paper account. It starts paused: the Arena
 * shows it at once, its card saying so, and both lists are asked again
 * (the kernel's account id may differ from the one asked for).
 */
export async function createPilot(draft: NewPilot): Promise<CreateResult> {
  const input = NewPilotSchema.safeParse(draft)
  if (!input.success) return { ok: false, error: invalidInput(input.error.issues) }
  const envelope = await getClient().callEnvelope('pilots.create', input.data)
  if (!envelope.ok) return envelope
  const status = envelope.value
  pilotChanged(status)
  set({ created: { pilotId: status.config.id, accountId: status.config.accountId, startingBalance: input.data.startingBalance } })
  void reloadPilots()
  void loadArena()
  return { ok: true, status }
}

/**
 * Stops and removes a pilot; its account, orders and decision records stay
 * in the kernel. The Arena drops it at once and asks both lists again.
 * Resolves with the kernel's refusal, or null when removed.
 */
export async function removePilot(pilotId: string): Promise<ContractError | null> {
  const envelope = await getClient().callEnvelope('pilots.remove', { pilotId })
  if (!envelope.ok) return envelope.error
  pilotRemoved(pilotId)
  forgetArenaPilot(pilotId)
  set((s) => ({ editing: s.editing === pilotId ? null : s.editing, created: s.created?.pilotId === pilotId ? null : s.created }))
  void reloadPilots()
  void loadArena()
  return null
}

const invalidInput = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): ContractError => ({
  code: 'invalid_input',
  message: issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; '),
})

export function resetPilotEditorStore(): void {
  loading.clear()
  venuesLoading = null
  set(initialState())
}
