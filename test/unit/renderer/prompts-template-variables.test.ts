import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROMPT_VARIABLES } from '../../../src/shared/domain/agents/prompt'
import { findTemplateVariables, isKnownVariable, unknownVariables } from '../../../src/renderer/src/pages/prompts/template-variables'

describe('template variable highlighting', () => {
  it('finds each {{name}} with its exact range and whether the orchestrator knows it', () => {
    const text = 'Trade {{symbols}} on {{ venue }} using {{snapshots}}.'
    const found = findTemplateVariables(text)
    expect(found.map((v) => ({ text: text.slice(v.from, v.to), name: v.name, known: v.known }))).toEqual([
      { text: '{{symbols}}', name: 'symbols', known: true },
      { text: '{{ venue }}', name: 'venue', known: true },
      { text: '{{snapshots}}', name: 'snapshots', known: false },
    ])
  })

  it('knows every variable of the shared list and nothing else', () => {
    for (const name of PROMPT_VARIABLES) expect(isKnownVariable(name), name).toBe(true)
    expect(isKnownVariable('Symbols')).toBe(false)
    expect(isKnownVariable('toString')).toBe(false)
  })

  it('ignores unclosed braces, single braces and names that start with a digit', () => {
    expect(findTemplateVariables('{{pilot} {venue}} {{ 1abc }} {{')).toEqual([])
  })

  it('lists unknown names once each, in order of first use', () => {
    expect(unknownVariables('{{b}} {{pilot}} {{a}} {{b}}')).toEqual(['b', 'a'])
  })

  it('gives back the same answer on repeated calls (no shared regex state)', () => {
    const text = '{{pilot}} {{now}}'
    expect(findTemplateVariables(text)).toEqual(findTemplateVariables(text))
    expect(findTemplateVariables(text)).toHaveLength(2)
  })

  it('never reports overlapping ranges, and each range is a variable whatever surrounds it', () => {
    const name = fc.constantFrom(...PROMPT_VARIABLES, 'foo', 'x_1', 'a.b')
    const piece = fc.oneof(fc.string({ maxLength: 8 }), name.map((n) => `{{${n}}}`))
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        const found = findTemplateVariables(text)
        for (let i = 0; i < found.length; i++) {
          const v = found[i]!
          expect(text.slice(v.from, v.to)).toMatch(/^\{\{\s*[A-Za-z_][\w.]*\s*\}\}$/)
          expect(v.known).toBe(isKnownVariable(v.name))
          if (i > 0) expect(v.from).toBeGreaterThanOrEqual(found[i - 1]!.to)
        }
      }),
    )
  })
})
