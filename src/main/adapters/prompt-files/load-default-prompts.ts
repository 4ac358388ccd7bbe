import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { PromptContentSchema, type PromptContent } from '../../../shared/domain/agents/prompt'
import { ROLE_IDS } from '../../../shared/domain/agents/roles'
import { parseYamlValue } from './prompt-yaml'

/**
 * Reads resources/prompts/<role>.yaml, one file per role. A shipped default
 * that does not parse, does not validate, sits under the wrong name or is
 * missing is a startup error naming the file: the desk must not start with
 * a role it cannot prompt.
 */
export function loadDefaultPrompts(promptsDir: string): PromptContent[] {
  let files: string[]
  try {
    files = readdirSync(promptsDir).filter((name) => name.endsWith('.yaml')).sort()
  } catch (error) {
    throw new Error(`The default prompts folder ${promptsDir} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const prompts = files.map((file) => loadOne(join(promptsDir, file)))
  const missing = ROLE_IDS.filter((role) => !prompts.some((prompt) => prompt.role === role))
  if (missing.length > 0) throw new Error(`The default prompts folder ${promptsDir} has no prompt for ${missing.join(', ')}; expected one <role>.yaml per role`)
  return prompts
}

function loadOne(path: string): PromptContent {
  const file = basename(path)
  const value = parseYamlValue(readFileSync(path, 'utf8'), `The default prompt ${file}`)
  const parsed = PromptContentSchema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(prompt)'}: ${issue.message}`).join('; ')
    throw new Error(`The default prompt ${file} is invalid: ${issues}`)
  }
  if (`${parsed.data.role}.yaml` !== file) throw new Error(`The default prompt ${file} is for the ${parsed.data.role} role; it must be named ${parsed.data.role}.yaml`)
  return parsed.data
}
