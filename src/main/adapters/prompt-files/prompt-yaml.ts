import { Document, isScalar, parseDocument, Scalar, visit, YAMLSeq, type YAMLError } from 'yaml'
import type { PromptContent } from '../../../shared/domain/agents/prompt'

/** The most text an import may be: the contract's own bound, checked again here so the parser never sees more. */
export const MAX_YAML_CHARS = 1_000_000

/**
 * Aliases are never needed to write prompts out, and each one can multiply
 * the document (the "billion laughs"): a handful is allowed, a bomb is not.
 */
export const MAX_ALIAS_COUNT = 10

const PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true } as const

/**
 * A document `{ prompts: [...] }`, multi-line sections written as block
 * literals so the file reads (and diffs) like the prompt itself.
 */
export function promptsToYaml(prompts: readonly PromptContent[]): string {
  const doc = new Document({ prompts: prompts.map((p) => ({ role: p.role, tags: [...p.tags], sections: { ...p.sections }, params: { ...p.params } })) })
  doc.commentBefore = ' Trading workstation prompts: import them in the Prompt studio, or drop one file per role in resources/prompts.'
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL
    },
    Seq(_key, node) {
      // Tags read best on one line: [macro, analyst].
      if (node instanceof YAMLSeq && node.items.every((item) => isScalar(item) && !String(item.value).includes('\n'))) node.flow = true
    },
  })
  // lineWidth 0: long lines stay as written, so a round trip changes nothing.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

/**
 * Reads one YAML value. Errors name the line and column; aliases beyond a
 * handful, duplicate keys and oversized input are refused.
 */
export function parseYamlValue(text: string, source: string): unknown {
  if (text.length > MAX_YAML_CHARS) throw new Error(`${source} is ${text.length} characters; at most ${MAX_YAML_CHARS} are accepted`)
  const doc = parseDocument(text, PARSE_OPTIONS)
  if (doc.errors.length > 0) throw new Error(`${source} is not valid YAML: ${describeErrors(doc.errors)}`)
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${source} could not be read: ${reason}. Aliases (*name) are limited to ${MAX_ALIAS_COUNT}; write the prompts out in full`, { cause: error })
  }
}

/** The prompts of an import: a `{ prompts: [...] }` document, a list of prompts, or one prompt. */
export function promptsFromYaml(text: string): unknown[] {
  const value = parseYamlValue(text, 'The imported text')
  if (Array.isArray(value)) return value
  if (value === null || value === undefined) throw new Error('The YAML is empty; expected a document with a `prompts` list, a list of prompts or one prompt')
  if (typeof value !== 'object') throw new Error(`The YAML holds a ${typeof value}; expected a document with a \`prompts\` list, a list of prompts or one prompt`)
  if (!('prompts' in value)) return [value]
  const extra = Object.keys(value).filter((key) => key !== 'prompts')
  if (extra.length > 0) throw new Error(`The YAML has unexpected top-level keys (${extra.join(', ')}); a document holds only a \`prompts\` list`)
  const prompts = (value as { prompts: unknown }).prompts
  if (!Array.isArray(prompts)) throw new Error(`\`prompts\` must be a list; received ${prompts === null ? 'nothing' : `a ${typeof prompts}`}`)
  return prompts
}

function describeErrors(errors: readonly YAMLError[]): string {
  const shown = errors.slice(0, 3).map((error) => {
    const position = error.linePos?.[0]
    // The parser's message already ends with the offending lines; the first line says what and where.
    const headline = (error.message.split('\n')[0] ?? error.message).replace(/:$/, '')
    return position && !headline.includes(`line ${position.line}`) ? `line ${position.line}, column ${position.col}: ${headline}` : headline
  })
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''
  return `${shown.join('; ')}${more}`
}
