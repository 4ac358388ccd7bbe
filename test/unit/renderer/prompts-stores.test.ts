import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClient, type RawTransport } from '../../../src/shared/contract/client'
import type { PromptRoleSummary } from '../../../src/shared/contract/domains/prompts'
import type { Envelope } from '../../../src/shared/contract/envelope'
import type { PromptContent, PromptVersion } from '../../../src/shared/domain/agents/prompt'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import { setClient } from '../../../src/renderer/src/api/client'
import {
  cancelRoleSwitch,
  confirmRoleSwitch,
  discardEdits,
  editorVersionArrived,
  editSection,
  hasUnsavedEdits,
  openRole,
  resetPromptEditor,
  rollbackTo,
  saveDraft,
  usePromptEditorStore,
} from '../../../src/renderer/src/stores/prompts-editor-store'
import { historiesWith, summariesWith } from '../../../src/renderer/src/stores/prompts-state'
import { usePromptsStore } from '../../../src/renderer/src/stores/prompts-store'

const content = (role: RoleId, goal: string): PromptContent => ({
  role,
  tags: ['core'],
  sections: { background: 'bg', goal, constraints: '', outputFormat: 'json' },
  params: { temperature: 0.5, maxTokens: 1000, topP: 1 },
})

const version = (role: RoleId, n: number, goal: string, rollbackOf: number | null = null): PromptVersion => ({
  ...content(role, goal),
  version: n,
  author: 'trader',
  note: `v${n}`,
  createdAt: 1_000 * n,
  hash: String(n % 10).repeat(64),
  rollbackOf,
})

/**
 * A small in-memory prompt catalog behind the real typed client: histories
 * per role, save and rollback numbering as the contract describes them.
 */
function memoryKernel(initial: Partial<Record<RoleId, PromptVersion[]>>) {
  const histories = new Map(Object.entries(initial) as [RoleId, PromptVersion[]][])
  const calls: string[] = []
  const append = (role: RoleId, c: PromptContent, note: string, rollbackOf: number | null): PromptVersion => {
    const list = histories.get(role) ?? []
    const next = { ...c, version: list.length + 1, author: 'trader', note, createdAt: 9_000 + list.length, hash: 'f'.repeat(64), rollbackOf }
    histories.set(role, [...list, next])
    return next
  }
  const transport: RawTransport = {
    async call(channel, input): Promise<Envelope<unknown>> {
      calls.push(channel)
      const args = input as Record<string, unknown>
      if (channel === 'prompts.history') return { ok: true, value: histories.get(args.role as RoleId) ?? [] }
      if (channel === 'prompts.save') {
        const c = args.content as PromptContent
        return { ok: true, value: append(c.role, c, args.note as string, null) }
      }
      if (channel === 'prompts.rollback') {
        const target = histories.get(args.role as RoleId)!.find((v) => v.version === args.version)!
        const { version: _v, author: _a, note: _n, createdAt: _c, hash: _h, rollbackOf: _r, ...rest } = target
        return { ok: true, value: append(target.role, rest, args.note as string, target.version) }
      }
      return { ok: false, error: { code: 'unknown_channel', message: channel } }
    },
    subscribe: () => () => undefined,
  }
  setClient(createClient(transport))
  return { histories, calls }
}

const state = () => usePromptEditorStore.getState()
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  resetPromptEditor()
  usePromptsStore.setState({ summaries: null, listError: null, histories: {}, historyErrors: {} })
})
afterEach(() => resetPromptEditor())

describe('prompt store helpers', () => {
  it('adds a version to a loaded history once, in order, and leaves unloaded histories alone', () => {
    const h1 = { trader: [version('trader', 1, 'a')] }
    const h2 = historiesWith(h1, version('trader', 2, 'b'))
    expect(h2.trader?.map((v) => v.version)).toEqual([1, 2])
    expect(historiesWith(h2, version('trader', 2, 'b'))).toBe(h2)
    expect(historiesWith(h2, version('risk_officer', 1, 'x'))).toBe(h2)
  })

  it('moves a list row on to a newer version only', () => {
    const row: PromptRoleSummary = { role: 'trader', tags: [], version: 2, updatedAt: 0, author: 'seed', versions: 2 }
    const [moved] = summariesWith([row], { ...version('trader', 3, 'c'), tags: ['new'] })!
    expect(moved).toMatchObject({ version: 3, versions: 3, tags: ['new'], author: 'trader', updatedAt: 3_000 })
    expect(summariesWith([row], version('trader', 1, 'a'))![0]).toBe(row)
    expect(summariesWith(null, version('trader', 3, 'c'))).toBeNull()
  })
})

describe('prompt editor store', () => {
  it('opens a role at its latest version', async () => {
    memoryKernel({ trader: [version('trader', 1, 'one'), version('trader', 2, 'two')] })
    openRole('trader')
    await settle()
    expect(state().base?.version).toBe(2)
    expect(state().draft?.sections.goal).toBe('two')
    expect(hasUnsavedEdits()).toBe(false)
  })

  it('asks before dropping unsaved edits, and keeps them when the trader stays', async () => {
    const kernel = memoryKernel({ trader: [version('trader', 1, 'one')], risk_officer: [version('risk_officer', 1, 'risk')] })
    openRole('trader')
    await settle()
    editSection('goal', 'one, edited')
    openRole('risk_officer')
    expect(state()).toMatchObject({ role: 'trader', pendingRole: 'risk_officer' })
    cancelRoleSwitch()
    expect(state().draft?.sections.goal).toBe('one, edited')
    openRole('risk_officer')
    confirmRoleSwitch()
    await settle()
    expect(state().role).toBe('risk_officer')
    expect(state().draft?.sections.goal).toBe('risk')
    expect(kernel.calls.filter((c) => c === 'prompts.history')).toHaveLength(2)
  })

  it('switches at once when there is nothing to lose', async () => {
    memoryKernel({ trader: [version('trader', 1, 'one')], risk_officer: [version('risk_officer', 1, 'risk')] })
    openRole('trader')
    await settle()
    openRole('risk_officer')
    expect(state().pendingRole).toBeNull()
    await settle()
    expect(state().role).toBe('risk_officer')
  })

  it('discards edits back to the base version', async () => {
    memoryKernel({ trader: [version('trader', 1, 'one')] })
    openRole('trader')
    await settle()
    editSection('constraints', 'no leverage')
    expect(hasUnsavedEdits()).toBe(true)
    discardEdits()
    expect(hasUnsavedEdits()).toBe(false)
    expect(state().draft?.sections.constraints).toBe('')
  })

  it('makes a saved version the new base and adds it to the history', async () => {
    const kernel = memoryKernel({ trader: [version('trader', 1, 'one')] })
    openRole('trader')
    await settle()
    editSection('goal', 'two')
    const envelope = await saveDraft(content('trader', 'two'), 'sharper goal')
    expect(envelope.ok).toBe(true)
    expect(state().base?.version).toBe(2)
    expect(hasUnsavedEdits()).toBe(false)
    expect(usePromptsStore.getState().histories.trader?.map((v) => v.version)).toEqual([1, 2])
    expect(kernel.histories.get('trader')?.at(-1)?.note).toBe('sharper goal')
  })

  it('rolls back as a new version that records what it rolled back to', async () => {
    memoryKernel({ trader: [version('trader', 1, 'one'), version('trader', 2, 'two')] })
    openRole('trader')
    await settle()
    await rollbackTo('trader', 1, 'back')
    expect(state().base).toMatchObject({ version: 3, rollbackOf: 1 })
    expect(state().draft?.sections.goal).toBe('one')
  })

  it('moves a pristine draft on to a version saved elsewhere, but never over unsaved edits', async () => {
    memoryKernel({ trader: [version('trader', 1, 'one')] })
    openRole('trader')
    await settle()
    editorVersionArrived(version('trader', 2, 'from another window'))
    expect(state().base?.version).toBe(2)
    editSection('goal', 'mine')
    editorVersionArrived(version('trader', 3, 'again'))
    expect(state().base?.version).toBe(2)
    expect(state().draft?.sections.goal).toBe('mine')
    editorVersionArrived(version('risk_officer', 9, 'other role'))
    expect(state().role).toBe('trader')
  })
})
