import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PromptContent } from '../../../src/shared/domain/agents/prompt'
import { diffPrompts, diffSection, foldUnchanged, toLines, type DiffRow } from '../../../src/renderer/src/pages/prompts/prompt-diff'

const content = (patch: Partial<PromptContent> = {}, sections: Partial<PromptContent['sections']> = {}): PromptContent => ({
  role: 'trader',
  tags: ['core'],
  params: { temperature: 0.3, maxTokens: 1024, topP: 1 },
  ...patch,
  sections: { background: 'You trade.\n', goal: 'Decide.\n', constraints: '', outputFormat: 'JSON.\n', ...sections },
})

const text = (row: DiffRow): string => (row.kind === 'skipped' ? '' : row.tokens.map((t) => t.text).join(''))

describe('prompt diff for the save and rollback dialogs', () => {
  it('says nothing changed when nothing did', () => {
    const diff = diffPrompts(content(), content())
    expect(diff.changed).toBe(false)
    expect(diff.sections.every((s) => !s.changed)).toBe(true)
  })

  it('marks a replaced line as removed then added, with only the changed words emphasised', () => {
    const s = diffSection('goal', 'Open a long when momentum turns up.\n', 'Open a short when momentum turns down.\n')
    expect(s.added).toBe(1)
    expect(s.removed).toBe(1)
    expect(s.rows.map((r) => r.kind)).toEqual(['removed', 'added'])
    const marked = (row: DiffRow) => (row.kind === 'skipped' ? [] : row.tokens.filter((t) => t.changed).map((t) => t.text.trim()))
    expect(marked(s.rows[0]!)).toEqual(['long', 'up'])
    expect(marked(s.rows[1]!)).toEqual(['short', 'down'])
    expect(text(s.rows[0]!)).toBe('Open a long when momentum turns up.')
  })

  it('colours whole added lines without word marks', () => {
    const s = diffSection('constraints', 'a\n', 'a\nnever use leverage above 3\n')
    expect(s.rows).toEqual([
      { kind: 'same', tokens: [{ text: 'a', changed: false }] },
      { kind: 'added', tokens: [{ text: 'never use leverage above 3', changed: false }] },
    ])
  })

  it('folds long unchanged stretches and keeps two lines of context around a change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n'
    const after = before.replace('line 10\n', 'line ten\n')
    const rows = diffSection('background', before, after).rows
    expect(rows[0]).toEqual({ kind: 'skipped', lines: 8 })
    expect(rows.filter((r) => r.kind === 'same').map(text)).toEqual(['line 8', 'line 9', 'line 11', 'line 12'])
    expect(rows.at(-1)).toEqual({ kind: 'skipped', lines: 7 })
  })

  it('lists parameter and tag changes', () => {
    const diff = diffPrompts(content(), content({ tags: ['core', 'momentum'], params: { temperature: 0.7, maxTokens: 1024, topP: 0.9 } }))
    expect(diff.params).toEqual([
      { param: 'temperature', from: 0.3, to: 0.7 },
      { param: 'topP', from: 1, to: 0.9 },
    ])
    expect(diff.tagsAdded).toEqual(['momentum'])
    expect(diff.tagsRemoved).toEqual([])
    expect(diff.changed).toBe(true)
  })

  it('splits tokens into lines without inventing an empty last line', () => {
    expect(toLines([{ text: 'a\nb\n', changed: false }])).toEqual([[{ text: 'a', changed: false }], [{ text: 'b', changed: false }]])
    expect(toLines([{ text: 'a\n\nb', changed: false }])).toHaveLength(3)
    expect(toLines([{ text: '', changed: false }])).toEqual([])
    expect(toLines([{ text: '\n', changed: false }])).toEqual([[]])
  })

  it('keeps every line when nothing is far from a change', () => {
    const rows: DiffRow[] = [
      { kind: 'same', tokens: [] },
      { kind: 'added', tokens: [] },
      { kind: 'same', tokens: [] },
    ]
    expect(foldUnchanged(rows)).toEqual(rows)
  })

  it('rebuilds both texts from the unfolded rows, whatever the edit', () => {
    const line = fc.stringMatching(/^[a-z ]{0,12}$/)
    const doc = fc.array(line, { maxLength: 8 }).map((lines) => lines.map((l) => `${l}\n`).join(''))
    fc.assert(
      fc.property(doc, doc, (before, after) => {
        const rows = diffSection('goal', before, after, Number.POSITIVE_INFINITY).rows
        const rebuild = (keep: 'added' | 'removed') =>
          rows
            .filter((r) => r.kind === 'same' || r.kind === keep)
            .map((r) => `${text(r)}\n`)
            .join('')
        expect(rebuild('removed')).toBe(before)
        expect(rebuild('added')).toBe(after)
      }),
    )
  })
})
