export { createPromptCatalog } from './prompt-file-catalog'
export { loadDefaultPrompts } from './load-default-prompts'
export { MAX_ALIAS_COUNT, MAX_YAML_CHARS, promptsFromYaml, promptsToYaml } from './prompt-yaml'
