import { create } from 'zustand'
import type { PromptRoleSummary } from '../../../shared/contract/domains/prompts'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { PromptContent, PromptIssue, PromptVersion } from '../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../shared/domain/agents/roles'
import { getClient } from '../api/client'
import { historiesWith, summariesWith, type Histories } from './prompts-state'

/** The saved prompts as the kernel has them: one row per role, and each opened role's versions. */
export interface PromptsState {
  summaries: PromptRoleSummary[] | null
  listError: ContractError | null
  histories: Histories
  historyErrors: Partial<Record<RoleId, ContractError>>
}

export const usePromptsStore = create<PromptsState>()(() => ({ summaries: null, listError: null, histories: {}, historyErrors: {} }))

const set = usePromptsStore.setState

/** Who saves from this window; the contract's default, named here so every save says it. */
export const PROMPT_AUTHOR = 'trader'

export async function loadPromptList(): Promise<void> {
  const envelope = await getClient().callEnvelope('prompts.list')
  if (envelope.ok) set({ summaries: envelope.value, listError: null })
  else set({ listError: envelope.error })
}

export async function loadPromptHistory(role: RoleId): Promise<PromptVersion[] | null> {
  const envelope = await getClient().callEnvelope('prompts.history', { role })
  if (envelope.ok) {
    set((s) => ({ histories: { ...s.histories, [role]: envelope.value }, historyErrors: { ...s.historyErrors, [role]: undefined } }))
    return envelope.value
  }
  set((s) => ({ historyErrors: { ...s.historyErrors, [role]: envelope.error } }))
  return null
}

/** A version saved anywhere (this window, another one, an import): into the list and the role's history. */
export function promptVersionSaved(version: PromptVersion): void {
  set((s) => ({ histories: historiesWith(s.histories, version), summaries: summariesWith(s.summaries, version) }))
}

export async function savePrompt(content: PromptContent, note: string): Promise<Envelope<PromptVersion>> {
  const envelope = await getClient().callEnvelope('prompts.save', { content, note, author: PROMPT_AUTHOR })
  if (envelope.ok) promptVersionSaved(envelope.value)
  return envelope
}

export async function rollbackPrompt(role: RoleId, version: number, note: string): Promise<Envelope<PromptVersion>> {
  const envelope = await getClient().callEnvelope('prompts.rollback', { role, version, note })
  if (envelope.ok) promptVersionSaved(envelope.value)
  return envelope
}

export const validatePrompt = (content: PromptContent): Promise<Envelope<PromptIssue[]>> => getClient().callEnvelope('prompts.validate', content)

export const fetchOutputSchema = (role: RoleId): Promise<Envelope<Record<string, unknown>>> => getClient().callEnvelope('prompts.outputSchema', { role })

export const exportPrompts = (roles: readonly RoleId[]): Promise<Envelope<{ yaml: string }>> => getClient().callEnvelope('prompts.export', { roles: [...roles] })

export async function importPrompts(yaml: string, note: string): ReturnType<typeof importCall> {
  const envelope = await importCall(yaml, note)
  if (envelope.ok) for (const version of envelope.value.saved) promptVersionSaved(version)
  return envelope
}

const importCall = (yaml: string, note: string) => getClient().callEnvelope('prompts.import', { yaml, note })
