import { create } from 'zustand'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { PromptSections, PromptVersion } from '../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../shared/domain/agents/roles'
import { draftFromContent, isDraftChanged, type ParamKey, type PromptDraft } from '../pages/prompts/prompt-draft'
import { currentVersion } from './prompts-state'
import { loadPromptHistory, rollbackPrompt, savePrompt, usePromptsStore } from './prompts-store'

/**
 * The role open in the Prompt studio and the trader's unsaved edits of it,
 * over the version they started from. Kept in a store rather than in the
 * editor so the role list can ask "are there unsaved edits?" before it
 * switches, and a saved version from elsewhere can replace a pristine draft.
 */
export interface PromptEditorState {
  role: RoleId | null
  /** The version the edits started from; null while its history loads. */
  base: PromptVersion | null
  draft: PromptDraft | null
  /** A role the trader asked to open over unsaved edits: the guard dialog asks first. */
  pendingRole: RoleId | null
  loadError: ContractError | null
}

const INITIAL: PromptEditorState = { role: null, base: null, draft: null, pendingRole: null, loadError: null }

export const usePromptEditorStore = create<PromptEditorState>()(() => INITIAL)

const set = usePromptEditorStore.setState
const get = usePromptEditorStore.getState

export function hasUnsavedEdits(state: PromptEditorState = get()): boolean {
  return state.draft !== null && state.base !== null && isDraftChanged(state.draft, state.base)
}

/** Opens a role, unless that would drop unsaved edits: then the guard dialog asks (see confirmRoleSwitch). */
export function openRole(role: RoleId): void {
  const state = get()
  if (state.role === role) return
  if (hasUnsavedEdits(state)) return set({ pendingRole: role })
  void switchTo(role)
}

export function confirmRoleSwitch(): void {
  const role = get().pendingRole
  set({ pendingRole: null })
  if (role) void switchTo(role)
}

export const cancelRoleSwitch = (): void => set({ pendingRole: null })

async function switchTo(role: RoleId): Promise<void> {
  // A history loaded earlier shows at once; the fresh one replaces it if the draft is still pristine.
  const known = currentVersion(usePromptsStore.getState().histories[role])
  set({ role, base: known, draft: known ? draftFromContent(known) : null, pendingRole: null, loadError: null })
  const history = await loadPromptHistory(role)
  if (get().role !== role) return // the trader moved on while it loaded
  const latest = currentVersion(history ?? undefined)
  if (!history) return set({ loadError: usePromptsStore.getState().historyErrors[role] ?? null })
  if (latest && !hasUnsavedEdits()) adopt(latest)
}

/** Makes a version the base of a fresh draft (after a save or a rollback, or to take a newer version). */
export function adopt(version: PromptVersion): void {
  if (get().role !== version.role) return
  set({ base: version, draft: draftFromContent(version) })
}

/** A version saved anywhere: a pristine draft of its role moves on to it; unsaved edits stay, and the editor shows a notice. */
export function editorVersionArrived(version: PromptVersion): void {
  const state = get()
  if (state.role !== version.role || (state.base && state.base.version >= version.version)) return
  if (!hasUnsavedEdits(state)) adopt(version)
}

export const discardEdits = (): void => {
  const base = get().base
  if (base) adopt(base)
}

const editDraft = (change: (draft: PromptDraft) => PromptDraft): void => set((s) => (s.draft ? { draft: change(s.draft) } : {}))

export const editSection = (section: keyof PromptSections, text: string): void => editDraft((d) => ({ ...d, sections: { ...d.sections, [section]: text } }))
export const editParam = (key: ParamKey, text: string): void => editDraft((d) => ({ ...d, params: { ...d.params, [key]: text } }))
export const addTag = (tag: string): void => editDraft((d) => ({ ...d, tags: [...d.tags, tag.trim()] }))
export const removeTag = (tag: string): void => editDraft((d) => ({ ...d, tags: d.tags.filter((t) => t !== tag) }))

/** Saves the draft as built by the editor; the new version becomes the base. */
export async function saveDraft(content: Parameters<typeof savePrompt>[0], note: string): Promise<Envelope<PromptVersion>> {
  const envelope = await savePrompt(content, note)
  if (envelope.ok) adopt(envelope.value)
  return envelope
}

/** Rolls back to an earlier version; the new version (a copy of it) becomes the base unless edits are pending. */
export async function rollbackTo(role: RoleId, version: number, note: string): Promise<Envelope<PromptVersion>> {
  const envelope = await rollbackPrompt(role, version, note)
  if (envelope.ok) editorVersionArrived(envelope.value)
  return envelope
}

/** For tests: back to nothing open. */
export const resetPromptEditor = (): void => set(INITIAL)
