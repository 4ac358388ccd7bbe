import { PROMPT_SECTIONS, type PromptContent, type PromptSections, type PromptVariable } from '../../../../shared/domain/agents/prompt'
import { isPromptVariable, scanTemplate, variablesUsed } from './template-variables'

export type PromptVariables = Partial<Record<PromptVariable, string>>

export interface RenderedPrompt {
  system: string
  user: string
}

/**
 * Variables that carry the run's data (market, account, news, earlier
 * roles' outputs). They go to the user message as delimited blocks, once
 * each, and the instructions refer to the block: the data stays apart from
 * the instructions, and untrusted text (news above all) is visibly data.
 * The other variables are short facts and are written in place.
 */
export const DATA_VARIABLES = ['snapshot', 'account', 'news', 'reports', 'debate', 'decision'] as const satisfies readonly PromptVariable[]
type DataVariable = (typeof DATA_VARIABLES)[number]

/** What a variable the prompt uses but the run does not provide renders as. */
export const MISSING_VALUE = 'none'

const HEADINGS: Record<keyof PromptSections, string> = {
  background: 'Background',
  goal: 'Goal',
  constraints: 'Constraints',
  outputFormat: 'Output format',
}

const NO_DATA = 'No data blocks are attached to this run; follow the instructions above.'

/**
 * The messages of one role run: the system message holds the sections under
 * headings (empty ones left out), the user message the data blocks. Pure and
 * deterministic: the same prompt and values give the same text, so a
 * decision can be replayed and its input hashed.
 */
export function renderPrompt(content: PromptContent, variables: PromptVariables): RenderedPrompt {
  const system = PROMPT_SECTIONS
    .map((section) => ({ section, text: fill(content.sections[section], variables).trim() }))
    .filter(({ text }) => text !== '')
    .map(({ section, text }) => `## ${HEADINGS[section]}\n${text}`)
    .join('\n\n')
  const used = variablesUsed(PROMPT_SECTIONS.map((section) => content.sections[section]))
  const blocks = DATA_VARIABLES.filter((name) => used.includes(name)).map((name) => dataBlock(name, valueOf(variables, name)))
  return { system, user: blocks.length > 0 ? blocks.join('\n\n') : NO_DATA }
}

function fill(text: string, variables: PromptVariables): string {
  let out = ''
  let from = 0
  // One pass over the original text: a value that itself contains {{...}} is never expanded again.
  for (const placeholder of scanTemplate(text).placeholders) {
    out += text.slice(from, placeholder.index)
    out += isPromptVariable(placeholder.name) ? replacement(placeholder.name, variables) : text.slice(placeholder.index, placeholder.index + placeholder.length)
    from = placeholder.index + placeholder.length
  }
  return out + text.slice(from)
}

function replacement(name: PromptVariable, variables: PromptVariables): string {
  return isDataVariable(name) ? `the <${name}> block` : valueOf(variables, name)
}

function dataBlock(name: DataVariable, value: string): string {
  // A closing tag inside the value (a hostile headline, say) must not end the block early.
  const closing = new RegExp(`<\\s*/\\s*${name}\\s*>`, 'gi')
  return `<${name}>\n${value.replace(closing, `<\\/${name}>`)}\n</${name}>`
}

function valueOf(variables: PromptVariables, name: PromptVariable): string {
  const value = variables[name]
  return value === undefined || value.trim() === '' ? MISSING_VALUE : value
}

function isDataVariable(name: PromptVariable): name is DataVariable {
  return (DATA_VARIABLES as readonly string[]).includes(name)
}
