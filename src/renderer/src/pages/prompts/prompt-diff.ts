import { diffLines, diffWordsWithSpace } from 'diff'
import type { ModelParams } from '../../../../shared/domain/agents/model'
import { PROMPT_SECTIONS, type PromptContent } from '../../../../shared/domain/agents/prompt'

// What a save or a rollback changes, as rows the diff view renders: lines
// added and removed per section, the words that changed inside a replaced
// line marked, and long unchanged stretches folded to a count.

export type SectionKey = (typeof PROMPT_SECTIONS)[number]

/** A piece of one line; `changed` marks the words that differ from the line it replaces. */
export interface DiffToken {
  text: string
  changed: boolean
}

export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; tokens: DiffToken[] }
  /** Unchanged lines folded away, with how many. */
  | { kind: 'skipped'; lines: number }

export interface SectionDiff {
  section: SectionKey
  changed: boolean
  added: number
  removed: number
  rows: DiffRow[]
}

export interface ParamChange {
  param: keyof ModelParams
  from: number
  to: number
}

export interface PromptDiff {
  sections: SectionDiff[]
  params: ParamChange[]
  tagsAdded: string[]
  tagsRemoved: string[]
  /** Whether anything differs at all. */
  changed: boolean
}

/** Unchanged lines kept around a change, so it can be read in context. */
export const CONTEXT_LINES = 2

const PARAMS: readonly (keyof ModelParams)[] = ['temperature', 'maxTokens', 'topP']

export function diffPrompts(before: PromptContent, after: PromptContent): PromptDiff {
  const sections = PROMPT_SECTIONS.map((section) => diffSection(section, before.sections[section], after.sections[section]))
  const params = PARAMS.filter((p) => before.params[p] !== after.params[p]).map((param) => ({ param, from: before.params[param], to: after.params[param] }))
  const tagsAdded = after.tags.filter((t) => !before.tags.includes(t))
  const tagsRemoved = before.tags.filter((t) => !after.tags.includes(t))
  const changed = sections.some((s) => s.changed) || params.length > 0 || tagsAdded.length > 0 || tagsRemoved.length > 0
  return { sections, params, tagsAdded, tagsRemoved, changed }
}

export function diffSection(section: SectionKey, before: string, after: string, context = CONTEXT_LINES): SectionDiff {
  const rows: DiffRow[] = []
  let added = 0
  let removed = 0
  const parts = diffLines(before, after)
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 1]
    if (part.removed && next?.added) {
      // A replaced block: mark the words that changed, line by line on both sides.
      const words = diffWordsWithSpace(part.value, next.value)
      const old = toLines(words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: w.removed })))
      const neu = toLines(words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: w.added })))
      rows.push(...old.map((tokens) => ({ kind: 'removed' as const, tokens })), ...neu.map((tokens) => ({ kind: 'added' as const, tokens })))
      removed += old.length
      added += neu.length
      i++
      continue
    }
    const kind: 'added' | 'removed' | 'same' = part.added ? 'added' : part.removed ? 'removed' : 'same'
    // A whole line added or removed is coloured as a line; only replaced lines mark single words.
    const lines = toLines([{ text: part.value, changed: false }])
    if (kind === 'added') added += lines.length
    if (kind === 'removed') removed += lines.length
    rows.push(...lines.map((tokens) => ({ kind, tokens })))
  }
  return { section, changed: added + removed > 0, added, removed, rows: foldUnchanged(rows, context) }
}

/** Splits tokens at newlines into lines; a trailing newline ends the last line rather than opening an empty one. */
export function toLines(tokens: readonly DiffToken[]): DiffToken[][] {
  const lines: DiffToken[][] = [[]]
  for (const token of tokens) {
    const pieces = token.text.split('\n')
    pieces.forEach((piece, index) => {
      if (index > 0) lines.push([])
      if (piece !== '') lines.at(-1)!.push({ text: piece, changed: token.changed })
    })
  }
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop()
  if (lines.length === 1 && lines[0]!.length === 0 && tokens.every((t) => t.text === '')) return []
  return lines
}

/** Keeps `context` unchanged lines on each side of a change; longer unchanged runs become one 'skipped' row. */
export function foldUnchanged(rows: readonly DiffRow[], context = CONTEXT_LINES): DiffRow[] {
  const near = rows.map(() => false)
  rows.forEach((row, i) => {
    if (row.kind !== 'added' && row.kind !== 'removed') return
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) near[j] = true
  })
  const out: DiffRow[] = []
  rows.forEach((row, i) => {
    if (row.kind !== 'same' || near[i]) return void out.push(row)
    const last = out.at(-1)
    if (last?.kind === 'skipped') last.lines++
    else out.push({ kind: 'skipped', lines: 1 })
  })
  return out
}
