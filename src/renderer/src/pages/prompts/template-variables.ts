import { PROMPT_VARIABLES } from '../../../../shared/domain/agents/prompt'

// Template variables as the editor shows them. The kernel alone decides what a
// saved prompt may contain; this only marks {{name}} in the text so a typo is
// red before the debounced validation answers.

/** `{{name}}`, with optional spaces inside the braces; a name is a word that may contain dots. */
export const TEMPLATE_VARIABLE = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g

const KNOWN: ReadonlySet<string> = new Set(PROMPT_VARIABLES)

export const isKnownVariable = (name: string): boolean => KNOWN.has(name)

export interface VariableRange {
  /** Offsets into the text: the whole `{{…}}`, braces included. */
  from: number
  to: number
  name: string
  known: boolean
}

export function findTemplateVariables(text: string): VariableRange[] {
  // A fresh regex per call: the shared one is global, so its lastIndex is state.
  const pattern = new RegExp(TEMPLATE_VARIABLE.source, 'g')
  return [...text.matchAll(pattern)].map((m) => ({ from: m.index, to: m.index + m[0].length, name: m[1]!, known: isKnownVariable(m[1]!) }))
}

/** The distinct unknown names, in order of first use: what the section's warning lists. */
export function unknownVariables(text: string): string[] {
  return [...new Set(findTemplateVariables(text).filter((v) => !v.known).map((v) => v.name))]
}
