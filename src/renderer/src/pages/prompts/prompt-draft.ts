import type { ModelParams } from '../../../../shared/domain/agents/model'
import { PROMPT_SECTIONS, type PromptContent, type PromptSections } from '../../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../../shared/domain/agents/roles'
import { parseDecimal } from '../../trading/ticket-form'

// The editor's working copy of one role's prompt. Parameters stay text while
// typed, so "0." or an empty field is not snapped to a number under the
// cursor; they become numbers, or problems, when the content is built.

export type ParamKey = keyof ModelParams
export type ParamsForm = Record<ParamKey, string>

export interface PromptDraft {
  role: RoleId
  sections: PromptSections
  tags: string[]
  params: ParamsForm
}

export interface ParamRule {
  min: number
  max: number
  /** The lower bound itself is refused (top_p must be above 0). */
  minExclusive: boolean
  integer: boolean
  step: number
}

// The same ranges as ModelParamsSchema (shared/domain/agents/model.ts), repeated for the form's hints and steppers.
export const PARAM_RULES: Record<ParamKey, ParamRule> = {
  temperature: { min: 0, max: 2, minExclusive: false, integer: false, step: 0.05 },
  maxTokens: { min: 16, max: 32_768, minExclusive: false, integer: true, step: 64 },
  topP: { min: 0, max: 1, minExclusive: true, integer: false, step: 0.05 },
}
export const PARAM_KEYS: readonly ParamKey[] = ['temperature', 'maxTokens', 'topP']

export type ParamProblem = 'required' | 'number' | 'integer' | 'range'

export const MAX_TAGS = 12
export const MAX_TAG_LENGTH = 40
export type TagProblem = 'empty' | 'length' | 'duplicate' | 'count'

export function draftFromContent(content: PromptContent): PromptDraft {
  return {
    role: content.role,
    sections: { ...content.sections },
    tags: [...content.tags],
    params: { temperature: String(content.params.temperature), maxTokens: String(content.params.maxTokens), topP: String(content.params.topP) },
  }
}

/** A parameter field as a number: null when empty, NaN when not a number. */
export const parseParam = (text: string): number | null => parseDecimal(text)

export function paramProblem(key: ParamKey, text: string): ParamProblem | null {
  const value = parseDecimal(text)
  if (value === null) return 'required'
  if (Number.isNaN(value)) return 'number'
  const rule = PARAM_RULES[key]
  if (rule.integer && !Number.isInteger(value)) return 'integer'
  if (value > rule.max || value < rule.min || (rule.minExclusive && value === rule.min)) return 'range'
  return null
}

export interface BuiltContent {
  /** Null while a parameter is not a number in range: nothing is sent to the kernel then. */
  content: PromptContent | null
  paramProblems: Partial<Record<ParamKey, ParamProblem>>
}

export function contentFromDraft(draft: PromptDraft): BuiltContent {
  const paramProblems: Partial<Record<ParamKey, ParamProblem>> = {}
  for (const key of PARAM_KEYS) {
    const problem = paramProblem(key, draft.params[key])
    if (problem) paramProblems[key] = problem
  }
  if (Object.keys(paramProblems).length > 0) return { content: null, paramProblems }
  const number = (key: ParamKey): number => parseDecimal(draft.params[key])!
  return {
    content: {
      role: draft.role,
      tags: [...draft.tags],
      sections: { ...draft.sections },
      params: { temperature: number('temperature'), maxTokens: number('maxTokens'), topP: number('topP') },
    },
    paramProblems,
  }
}

/** Whether the draft differs from the version it started from; parameters compare as numbers ("0.70" is 0.7). */
export function isDraftChanged(draft: PromptDraft, base: PromptContent): boolean {
  if (PROMPT_SECTIONS.some((s) => draft.sections[s] !== base.sections[s])) return true
  if (draft.tags.length !== base.tags.length || draft.tags.some((t, i) => t !== base.tags[i])) return true
  return PARAM_KEYS.some((key) => parseParam(draft.params[key]) !== base.params[key])
}

export function tagProblem(tag: string, existing: readonly string[]): TagProblem | null {
  const trimmed = tag.trim()
  if (trimmed === '') return 'empty'
  if (trimmed.length > MAX_TAG_LENGTH) return 'length'
  if (existing.some((t) => t.toLowerCase() === trimmed.toLowerCase())) return 'duplicate'
  if (existing.length >= MAX_TAGS) return 'count'
  return null
}
