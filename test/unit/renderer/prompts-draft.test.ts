import { describe, expect, it } from 'vitest'
import type { PromptRoleSummary } from '../../../src/shared/contract/domains/prompts'
import type { PromptContent } from '../../../src/shared/domain/agents/prompt'
import { groupIssues, placeIssue } from '../../../src/renderer/src/pages/prompts/issue-placement'
import { contentFromDraft, draftFromContent, isDraftChanged, MAX_TAGS, paramProblem, tagProblem } from '../../../src/renderer/src/pages/prompts/prompt-draft'
import { issuesFromError } from '../../../src/renderer/src/pages/prompts/prompt-errors'
import { filterRoles } from '../../../src/renderer/src/pages/prompts/role-filter'

const base: PromptContent = {
  role: 'trader',
  tags: ['core'],
  sections: { background: 'bg', goal: 'goal', constraints: '', outputFormat: 'json' },
  params: { temperature: 0.7, maxTokens: 2048, topP: 1 },
}

describe('prompt draft', () => {
  it('round-trips a version through the form unchanged', () => {
    const draft = draftFromContent(base)
    expect(isDraftChanged(draft, base)).toBe(false)
    expect(contentFromDraft(draft)).toEqual({ content: base, paramProblems: {} })
  })

  it('compares parameters as numbers, so retyping 0.7 as 0.70 is no change', () => {
    const draft = { ...draftFromContent(base), params: { temperature: '0.70', maxTokens: '2048', topP: '1.0' } }
    expect(isDraftChanged(draft, base)).toBe(false)
    expect(isDraftChanged({ ...draft, params: { ...draft.params, topP: '0.9' } }, base)).toBe(true)
  })

  it('sees a section, a tag or the tag order change', () => {
    const draft = draftFromContent(base)
    expect(isDraftChanged({ ...draft, sections: { ...draft.sections, goal: 'goal!' } }, base)).toBe(true)
    expect(isDraftChanged({ ...draft, tags: [] }, base)).toBe(true)
    expect(isDraftChanged({ ...draftFromContent({ ...base, tags: ['a', 'b'] }), tags: ['b', 'a'] }, { ...base, tags: ['a', 'b'] })).toBe(true)
  })

  it('holds the parameter ranges of the shared schema at their edges', () => {
    expect(paramProblem('temperature', '0')).toBeNull()
    expect(paramProblem('temperature', '2')).toBeNull()
    expect(paramProblem('temperature', '2.01')).toBe('range')
    expect(paramProblem('topP', '0')).toBe('range') // top_p must be above 0
    expect(paramProblem('topP', '0.01')).toBeNull()
    expect(paramProblem('maxTokens', '15')).toBe('range')
    expect(paramProblem('maxTokens', '32768')).toBeNull()
    expect(paramProblem('maxTokens', '100.5')).toBe('integer')
    expect(paramProblem('temperature', '')).toBe('required')
    expect(paramProblem('temperature', 'hot')).toBe('number')
  })

  it('builds no content while a parameter is wrong, and says which', () => {
    const built = contentFromDraft({ ...draftFromContent(base), params: { temperature: '3', maxTokens: 'x', topP: '1' } })
    expect(built.content).toBeNull()
    expect(built.paramProblems).toEqual({ temperature: 'range', maxTokens: 'number' })
  })

  it('refuses empty, long, repeated (in any case) and surplus tags', () => {
    expect(tagProblem('  ', [])).toBe('empty')
    expect(tagProblem('x'.repeat(41), [])).toBe('length')
    expect(tagProblem('Momentum', ['momentum'])).toBe('duplicate')
    expect(tagProblem('new', Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`))).toBe('count')
    expect(tagProblem(' swing ', ['core'])).toBeNull()
  })
})

describe('where validation issues show', () => {
  it('places issues by the field they name, dotted or snake_case', () => {
    expect(placeIssue('sections.goal')).toEqual({ kind: 'section', section: 'goal' })
    expect(placeIssue('outputFormat')).toEqual({ kind: 'section', section: 'outputFormat' })
    expect(placeIssue('sections.output_format')).toEqual({ kind: 'section', section: 'outputFormat' })
    expect(placeIssue('params.top_p')).toEqual({ kind: 'param', param: 'topP' })
    expect(placeIssue('params.temperature')).toEqual({ kind: 'param', param: 'temperature' })
    expect(placeIssue('tags[3]')).toEqual({ kind: 'tags' })
    expect(placeIssue('role')).toEqual({ kind: 'general' })
  })

  it('groups a list of issues and loses none', () => {
    const issues = [
      { field: 'sections.goal', code: 'unknown_variable' as const, message: 'a' },
      { field: 'sections.goal', code: 'empty_section' as const, message: 'b' },
      { field: 'params.maxTokens', code: 'param_out_of_range' as const, message: 'c' },
      { field: '', code: 'invalid' as const, message: 'd' },
    ]
    const grouped = groupIssues(issues)
    expect(grouped.sections.goal.map((i) => i.message)).toEqual(['a', 'b'])
    expect(grouped.params.maxTokens?.map((i) => i.message)).toEqual(['c'])
    expect(grouped.general.map((i) => i.message)).toEqual(['d'])
    expect(grouped.sections.background).toEqual([])
  })

  it('reads the issues of a refused save from the error details, in either shape', () => {
    const issue = { field: 'sections.goal', code: 'unknown_variable', message: 'unknown variable {{foo}}' }
    expect(issuesFromError({ code: 'invalid_input', message: 'invalid prompt', details: [issue] })).toEqual([issue])
    expect(issuesFromError({ code: 'invalid_input', message: 'invalid prompt', details: { issues: [issue] } })).toEqual([issue])
    expect(issuesFromError({ code: 'invalid_input', message: 'x', details: [{ path: ['a'] }] })).toBeNull()
    expect(issuesFromError({ code: 'internal', message: 'x' })).toBeNull()
  })
})

describe('role search', () => {
  const summary = (role: PromptRoleSummary['role'], tags: string[]): PromptRoleSummary => ({ role, tags, version: 1, updatedAt: 0, author: 'seed', versions: 1 })
  const list = [summary('technical_analyst', ['momentum', 'ta']), summary('trader', ['core']), summary('bear_analyst', ['debate'])]
  const names: Record<string, string> = { technical_analyst: '技术分析师', trader: 'Trader', bear_analyst: 'Bear analyst' }
  const nameOf = (role: string): string => names[role]!

  it('matches the translated name, the id and the tags, case-insensitively, keeping the order', () => {
    expect(filterRoles(list, '技术', nameOf).map((s) => s.role)).toEqual(['technical_analyst'])
    expect(filterRoles(list, 'ANALYST', nameOf).map((s) => s.role)).toEqual(['technical_analyst', 'bear_analyst'])
    expect(filterRoles(list, 'momentum', nameOf).map((s) => s.role)).toEqual(['technical_analyst'])
    expect(filterRoles(list, 'debate bear', nameOf).map((s) => s.role)).toEqual(['bear_analyst'])
  })

  it('shows everything for an empty query and nothing for a miss', () => {
    expect(filterRoles(list, '  ', nameOf)).toHaveLength(3)
    expect(filterRoles(list, 'macro', nameOf)).toEqual([])
  })
})
