import { describe, expect, it } from 'vitest'
import { createPromptCatalog, MAX_ALIAS_COUNT, MAX_YAML_CHARS } from '../../../src/main/adapters/prompt-files'
import { hashPrompt } from '../../../src/main/core/agents/prompts'
import { PromptContentSchema } from '../../../src/shared/domain/agents/prompt'
import { RESOURCES_DIR, sha256 } from './support'

const catalog = createPromptCatalog(RESOURCES_DIR)
const defaults = catalog.defaults()

describe('prompt YAML', () => {
  it('exports a readable { prompts: [...] } document that reads back to the same prompts', () => {
    const edited = structuredClone(defaults)
    // Awkward text a literal block must still carry exactly: leading spaces, trailing spaces, blank lines, no final newline.
    edited[0]!.sections.background = '  indented first line\ntrailing spaces   \n\n\nlast line without newline'
    edited[1]!.sections.constraints = 'one line: with a colon, # a hash and "quotes"'
    const text = catalog.toYaml(edited)
    expect(text).toMatch(/^prompts:$/m)
    expect(text).toContain(`tags: [${edited[0]!.tags.join(', ')}]`)
    expect(text).toMatch(/ {6}background: \|/)
    expect(text).toContain('      goal: |\n')
    const back = catalog.fromYaml(text).map((item) => PromptContentSchema.parse(item))
    expect(back).toEqual(edited)
    expect(back.map((p) => hashPrompt(p, sha256))).toEqual(edited.map((p) => hashPrompt(p, sha256)))
  })

  it('accepts a document with a prompts list, a bare list, or a single prompt', () => {
    const one = catalog.toYaml([defaults[2]!]).replace(/^#.*\n/gm, '').trimStart()
    expect(catalog.fromYaml(one)).toHaveLength(1)
    const list = one.replace(/^prompts:\n/m, '').replace(/^ {2}/gm, '')
    expect(catalog.fromYaml(list)).toEqual(catalog.fromYaml(one))
    const single = list.replace(/^- /, '').replace(/^ {2}/gm, '')
    expect(catalog.fromYaml(single)).toEqual(catalog.fromYaml(one))
  })

  it('refuses what is not a prompt document, saying what it expected', () => {
    expect(() => catalog.fromYaml('')).toThrow(/empty/)
    expect(() => catalog.fromYaml('just a sentence')).toThrow(/holds a string; expected a document with a `prompts` list/)
    expect(() => catalog.fromYaml('prompts: 3')).toThrow(/`prompts` must be a list; received a number/)
    expect(() => catalog.fromYaml('prompts: []\nextra: 1')).toThrow(/unexpected top-level keys \(extra\)/)
  })

  it('reports a syntax error with its line and column', () => {
    const text = 'prompts:\n  - role: trader\n    tags: [a, b\n    sections: {}\n'
    expect(() => catalog.fromYaml(text)).toThrow(/not valid YAML: .*line \d+, column \d+/)
  })

  it('refuses duplicate keys', () => {
    expect(() => catalog.fromYaml('role: trader\nrole: risk_officer\n')).toThrow(/keys must be unique/i)
  })

  it('refuses an alias bomb before expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i)
      const next = String.fromCharCode(97 + i)
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const started = Date.now()
    expect(() => catalog.fromYaml(levels.join('\n'))).toThrow(/Aliases \(\*name\) are limited to/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('still reads a few aliases, which are harmless', () => {
    const text = [
      'params: &p {temperature: 0.2, maxTokens: 900, topP: 0.9}',
      'prompts:',
      ...Array.from({ length: 3 }, () => ['  - role: data_analyst', '    params: *p']).flat(),
    ].join('\n')
    // The document shape is wrong (an extra key), but only after the aliases resolved without complaint.
    expect(() => catalog.fromYaml(text)).toThrow(/unexpected top-level keys \(params\)/)
    expect(MAX_ALIAS_COUNT).toBeGreaterThanOrEqual(3)
  })

  it('refuses oversized input without parsing it', () => {
    expect(() => catalog.fromYaml(`# ${'x'.repeat(MAX_YAML_CHARS)}`)).toThrow(/at most 1000000 are accepted/)
  })
})
