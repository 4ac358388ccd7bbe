import { PROMPT_SECTIONS, type PromptIssue } from '../../../../shared/domain/agents/prompt'
import type { SectionKey } from './prompt-diff'
import { PARAM_KEYS, type ParamKey } from './prompt-draft'

// Where the editor shows each of the kernel's validation issues: next to the
// section, parameter or tag list its `field` names ("sections.goal",
// "params.topP", "tags", or a bare "goal"), and above the editor otherwise.

export type IssuePlace = { kind: 'section'; section: SectionKey } | { kind: 'param'; param: ParamKey } | { kind: 'tags' } | { kind: 'general' }

export function placeIssue(field: string): IssuePlace {
  // snake_case spellings ("output_format", "top_p") name the same places.
  const parts = field
    .split(/[.[\]/]/)
    .filter(Boolean)
    .map((part) => part.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()))
  const section = PROMPT_SECTIONS.find((s) => parts.includes(s))
  if (section) return { kind: 'section', section }
  const param = PARAM_KEYS.find((p) => parts.includes(p))
  if (param) return { kind: 'param', param }
  if (parts[0] === 'tags') return { kind: 'tags' }
  return { kind: 'general' }
}

export interface PlacedIssues {
  sections: Record<SectionKey, PromptIssue[]>
  params: Partial<Record<ParamKey, PromptIssue[]>>
  tags: PromptIssue[]
  general: PromptIssue[]
}

export function groupIssues(issues: readonly PromptIssue[]): PlacedIssues {
  const out: PlacedIssues = { sections: { background: [], goal: [], constraints: [], outputFormat: [] }, params: {}, tags: [], general: [] }
  for (const issue of issues) {
    const place = placeIssue(issue.field)
    if (place.kind === 'section') out.sections[place.section].push(issue)
    else if (place.kind === 'param') (out.params[place.param] ??= []).push(issue)
    else if (place.kind === 'tags') out.tags.push(issue)
    else out.general.push(issue)
  }
  return out
}
