import { ModelParamsSchema, type ModelParams } from '../../../../shared/domain/agents/model'
import { PROMPT_SECTIONS, PROMPT_VARIABLES, type PromptContent, type PromptIssue } from '../../../../shared/domain/agents/prompt'
import { ORDER_ROLES } from '../../../../shared/domain/agents/roles'
import type { JsonSchema } from './output-json-schema'
import { schemaVocabulary } from './schema-vocabulary'
import { isPromptVariable, lineAndColumn, scanTemplate } from './template-variables'

/** A decision with orders in it does not fit in less; a cut-off answer is a failed run. */
export const MIN_ORDER_ROLE_MAX_TOKENS = 256

/** Sections a prompt cannot do without: the model must know what to do and how to answer. */
const REQUIRED_SECTIONS = ['goal', 'outputFormat'] as const

/** Words a format may quote that are JSON itself, not keys. */
const JSON_WORDS = new Set(['null', 'true', 'false', 'JSON', 'json'])

/**
 * Checks a prompt before it is saved: every template variable known, braces
 * paired, parameters in range, the required sections filled, and the output
 * section consistent with the role's answer schema. Returns every issue
 * found (empty when the prompt is fine), never throws.
 */
export function validatePrompt(content: PromptContent, outputSchema: JsonSchema): PromptIssue[] {
  return [...templateIssues(content), ...paramIssues(content), ...emptySectionIssues(content), ...outputIssues(content, outputSchema)]
}

function templateIssues(content: PromptContent): PromptIssue[] {
  const issues: PromptIssue[] = []
  for (const section of PROMPT_SECTIONS) {
    const text = content.sections[section]
    const field = `sections.${section}`
    const scan = scanTemplate(text)
    const reported = new Set<string>()
    for (const placeholder of scan.placeholders) {
      const at = where(text, placeholder.index)
      if (placeholder.name === '') {
        issues.push({ field, code: 'invalid', message: `An empty {{ }} ${at}; write a variable name between the braces or remove them` })
      } else if (!isPromptVariable(placeholder.name) && !reported.has(placeholder.name)) {
        reported.add(placeholder.name)
        issues.push({
          field,
          code: 'unknown_variable',
          message: `Unknown variable {{${clip(placeholder.name)}}} ${at}; the known ones are ${PROMPT_VARIABLES.map((name) => `{{${name}}}`).join(', ')}`,
        })
      }
    }
    for (const stray of scan.strayBraces) {
      issues.push({ field, code: 'invalid', message: `Unbalanced "${stray.text}" ${where(text, stray.index)}; a variable is written {{name}}` })
    }
  }
  return issues
}

function paramIssues(content: PromptContent): PromptIssue[] {
  const issues: PromptIssue[] = []
  const shape = ModelParamsSchema.shape
  for (const name of Object.keys(shape) as (keyof ModelParams)[]) {
    const value: unknown = content.params[name]
    const check = shape[name].safeParse(value)
    if (!check.success) {
      const reason = check.error.issues.map((issue) => issue.message).join('; ')
      issues.push({ field: `params.${name}`, code: 'param_out_of_range', message: `${name} is ${JSON.stringify(value)}: ${reason}` })
    }
  }
  if (ORDER_ROLES.includes(content.role) && content.params.maxTokens < MIN_ORDER_ROLE_MAX_TOKENS) {
    issues.push({
      field: 'params.maxTokens',
      code: 'param_out_of_range',
      message: `maxTokens is ${content.params.maxTokens}; the ${content.role}'s answer carries orders and needs at least ${MIN_ORDER_ROLE_MAX_TOKENS}`,
    })
  }
  return issues
}

function emptySectionIssues(content: PromptContent): PromptIssue[] {
  return REQUIRED_SECTIONS.filter((section) => content.sections[section].trim() === '').map((section) => ({
    field: `sections.${section}`,
    code: 'empty_section' as const,
    message: `The ${section === 'goal' ? 'goal' : 'output format'} section is empty; the model needs it`,
  }))
}

function outputIssues(content: PromptContent, outputSchema: JsonSchema): PromptIssue[] {
  const field = 'sections.outputFormat'
  const text = content.sections.outputFormat
  const issues: PromptIssue[] = []
  const vocabulary = schemaVocabulary(outputSchema)
  const hasSchema = scanTemplate(text).placeholders.some((p) => p.name === 'output_schema')
  if (!hasSchema) {
    issues.push({ field, code: 'output_inconsistent', message: 'The output format must include {{output_schema}}, so the model sees the exact schema its answer is checked against' })
    // Without the schema in the prompt, the prose is all the model has: it must name every required field.
    const mentioned = new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])
    const missing = vocabulary.required.filter((name) => !mentioned.has(name))
    if (missing.length > 0) {
      issues.push({ field, code: 'output_inconsistent', message: `Without {{output_schema}} the output format must name every required field; it never mentions ${missing.join(', ')}` })
    }
  }
  const unknown = [...new Set(quotedNames(text))].filter((name) => !vocabulary.words.has(name) && !JSON_WORDS.has(name) && !isPromptVariable(name))
  for (const name of unknown) {
    issues.push({
      field,
      code: 'output_inconsistent',
      message: `The output format names "${clip(name)}", which is not a field of the ${content.role}'s answer; its fields are ${vocabulary.topLevel.join(', ')}`,
    })
  }
  return issues
}

const IDENTIFIER_PATH = /^[A-Za-z_]\w*(?:\[\])?(?:\.[A-Za-z_]\w*(?:\[\])?)*$/
const BACKTICKED = /`([^`\n]+)`/g
// A quoted name is checked unless it sits where a JSON value goes (after ":", "," or "["): values are not keys.
const QUOTED = /(?<![\w'"])(["'])([A-Za-z_][\w.[\]]*)\1(?![\w'"])/g

/** Names the text quotes in backticks or quotes, split into path segments (`orders[].size` gives orders and size). */
function quotedNames(text: string): string[] {
  const withoutPlaceholders = text.replace(/\{\{[^{}]*\}\}/g, ' ')
  const names: string[] = []
  for (const match of withoutPlaceholders.matchAll(BACKTICKED)) names.push(...segments((match[1] ?? '').trim()))
  for (const match of withoutPlaceholders.matchAll(QUOTED)) {
    const before = withoutPlaceholders.slice(0, match.index).trimEnd()
    const after = withoutPlaceholders.slice(match.index + match[0].length).trimStart()
    const isValue = /[:,[]$/.test(before) && !after.startsWith(':')
    if (!isValue) names.push(...segments(match[2] ?? ''))
  }
  return names
}

function segments(path: string): string[] {
  if (!IDENTIFIER_PATH.test(path)) return []
  return path.split('.').map((segment) => segment.replace(/\[\]$/, ''))
}

function where(text: string, index: number): string {
  const { line, column } = lineAndColumn(text, index)
  return `at line ${line}, column ${column}`
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
