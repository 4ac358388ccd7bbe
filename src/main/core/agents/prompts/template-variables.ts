import { PROMPT_VARIABLES, type PromptVariable } from '../../../../shared/domain/agents/prompt'

/** A `{{ name }}` placeholder found in a section, with the name as written (trimmed). */
export interface Placeholder {
  name: string
  /** Offset of the opening braces in the text. */
  index: number
  /** Length of the whole placeholder, braces included. */
  length: number
}

export interface TemplateScan {
  placeholders: Placeholder[]
  /** Offsets of `{{` or `}}` that belong to no placeholder: a typo the model would otherwise read literally. */
  strayBraces: { index: number; text: '{{' | '}}' }[]
}

// Spaces inside the braces are allowed ({{ snapshot }}); braces are not, so "{{{{x}}" leaves a stray pair.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const BRACES = /\{\{|\}\}/g

const KNOWN = new Set<string>(PROMPT_VARIABLES)

export function isPromptVariable(name: string): name is PromptVariable {
  return KNOWN.has(name)
}

/** Finds every placeholder of a template and every `{{`/`}}` left unpaired. */
export function scanTemplate(text: string): TemplateScan {
  const placeholders: Placeholder[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    placeholders.push({ name: match[1] ?? '', index: match.index, length: match[0].length })
  }
  // Blank the placeholders out (same length, so offsets hold) and whatever braces remain are strays.
  let rest = text
  for (const p of placeholders) rest = rest.slice(0, p.index) + ' '.repeat(p.length) + rest.slice(p.index + p.length)
  const strayBraces = [...rest.matchAll(BRACES)].map((match) => ({ index: match.index, text: match[0] as '{{' | '}}' }))
  return { placeholders, strayBraces }
}

/** The known variables a template uses, once each, in order of first use. */
export function variablesUsed(texts: readonly string[]): PromptVariable[] {
  const used: PromptVariable[] = []
  for (const text of texts) {
    for (const { name } of scanTemplate(text).placeholders) if (isPromptVariable(name) && !used.includes(name)) used.push(name)
  }
  return used
}

/** Line and column (1-based) of an offset, for messages a trader can find in the editor. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const line = before.split('\n').length
  return { line, column: index - before.lastIndexOf('\n') }
}
