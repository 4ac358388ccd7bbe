import { join } from 'node:path'
import type { PromptContent } from '../../../shared/domain/agents/prompt'
import type { PromptCatalog } from '../../ports/prompt-catalog'
import { loadDefaultPrompts } from './load-default-prompts'
import { promptsFromYaml, promptsToYaml } from './prompt-yaml'

/**
 * The prompt catalog over the files shipped in `<resourcesDir>/prompts`.
 * `resourcesDir` is the repository's `resources` folder in development and
 * `process.resourcesPath` (where the packager copies it) in a packaged app.
 * The defaults are read and checked here, at startup, so a broken one stops
 * the start with its file name rather than failing a later run.
 */
export function createPromptCatalog(resourcesDir: string): PromptCatalog {
  const defaults = loadDefaultPrompts(join(resourcesDir, 'prompts'))
  return {
    defaults: () => defaults.map(copy),
    toYaml: promptsToYaml,
    fromYaml: promptsFromYaml,
  }
}

// Callers get their own objects: one editing a default must not change it for everyone.
function copy(prompt: PromptContent): PromptContent {
  return { role: prompt.role, tags: [...prompt.tags], sections: { ...prompt.sections }, params: { ...prompt.params } }
}
