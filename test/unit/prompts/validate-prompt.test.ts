import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPromptCatalog } from '../../../src/main/adapters/prompt-files'
import { outputJsonSchema, validatePrompt } from '../../../src/main/core/agents/prompts'
import type { PromptContent, PromptSections } from '../../../src/shared/domain/agents/prompt'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import { RESOURCES_DIR } from './support'

const defaults = createPromptCatalog(RESOURCES_DIR).defaults()
const base = (role: RoleId): PromptContent => structuredClone(defaults.find((p) => p.role === role)!)

function withSections(role: RoleId, sections: Partial<PromptSections>): PromptContent {
  const prompt = base(role)
  return { ...prompt, sections: { ...prompt.sections, ...sections } }
}

const check = (prompt: PromptContent) => validatePrompt(prompt, outputJsonSchema(prompt.role))

describe('validatePrompt', () => {
  it('reports an unknown variable by name, section and line, once however often it appears', () => {
    const goal = 'Decide.\nUse {{snapshot}} and {{ orderbook }} and again {{orderbook}}.'
    const issues = check(withSections('trader', { goal }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'sections.goal', code: 'unknown_variable' })
    expect(issues[0]!.message).toContain('{{orderbook}}')
    expect(issues[0]!.message).toContain('line 2')
  })

  it('accepts known variables written with spaces inside the braces', () => {
    expect(check(withSections('trader', { goal: 'Decide from {{ snapshot }} and {{account }}.' }))).toEqual([])
  })

  it('reports unbalanced braces where they are', () => {
    const issues = check(withSections('technical_analyst', { constraints: 'Use {{snapshot} only.\nNever }} this.' }))
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['sections.constraints', 'invalid'],
      ['sections.constraints', 'invalid'],
    ])
    expect(issues[0]!.message).toMatch(/Unbalanced "\{\{" at line 1, column 5/)
    expect(issues[1]!.message).toMatch(/Unbalanced "\}\}" at line 2/)
  })

  it('reports an empty placeholder', () => {
    const issues = check(withSections('macro_trader', { background: 'Data: {{ }}' }))
    expect(issues).toEqual([expect.objectContaining({ field: 'sections.background', code: 'invalid' })])
  })

  it('reports an output format without {{output_schema}}, and the required fields it never names', () => {
    const outputFormat = 'Answer with one JSON object only with `verdict` and `summary`.'
    const issues = check(withSections('risk_officer', { outputFormat }))
    expect(issues.every((i) => i.field === 'sections.outputFormat' && i.code === 'output_inconsistent')).toBe(true)
    expect(issues[0]!.message).toContain('{{output_schema}}')
    expect(issues[1]!.message).toMatch(/never mentions concerns$/)
  })

  it('accepts an output format without the schema only for the missing-schema issue when it names every field', () => {
    const outputFormat = 'Answer with one JSON object only: `verdict`, `concerns` and `summary`.'
    const issues = check(withSections('risk_officer', { outputFormat }))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toContain('{{output_schema}}')
  })

  it('reports a quoted key that is not in the schema, in backticks or quotes', () => {
    const outputFormat = '{{output_schema}}\nAnswer with one JSON object only. Set `action` to buy, and "qty" to the size; keep \'rationale\' short.'
    const issues = check(withSections('trader', { outputFormat }))
    expect(issues.map((i) => i.code)).toEqual(['output_inconsistent', 'output_inconsistent'])
    expect(issues[0]!.message).toContain('"action"')
    expect(issues[0]!.message).toContain('intent')
    expect(issues[1]!.message).toContain('"qty"')
  })

  it('accepts nested keys, paths and enum values, and ignores JSON string values', () => {
    const outputFormat = [
      '{{output_schema}}',
      'Answer with one JSON object only. Each of `orders[].size` is in contracts; `hold` carries no `orders`.',
      'Example: {"intent": "hold", "strategyId": "momentum_1", "orders": []}',
    ].join('\n')
    expect(check(withSections('trader', { outputFormat }))).toEqual([])
  })

  it('reports empty goal and output format sections', () => {
    const issues = check(withSections('data_analyst', { goal: '  \n', outputFormat: '' }))
    expect(issues.filter((i) => i.code === 'empty_section').map((i) => i.field)).toEqual(['sections.goal', 'sections.outputFormat'])
  })

  it('reports parameters out of range, and a trader with too few tokens for its orders', () => {
    const prompt = base('trader')
    const issues = check({ ...prompt, params: { temperature: 2.5, maxTokens: 128, topP: 0 } })
    expect(issues.map((i) => i.field)).toEqual(['params.temperature', 'params.topP', 'params.maxTokens'])
    expect(issues.every((i) => i.code === 'param_out_of_range')).toBe(true)
    expect(issues[2]!.message).toMatch(/at least 256/)
    // The 256-token floor is the order role's: an analyst may answer briefly.
    expect(check({ ...base('data_analyst'), params: { temperature: 0.2, maxTokens: 128, topP: 0.9 } })).toEqual([])
  })

  it('never throws, whatever the sections hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (goal, outputFormat) => {
        const issues = check(withSections('bull_analyst', { goal, outputFormat }))
        expect(Array.isArray(issues)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
