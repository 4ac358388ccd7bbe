import { createIndicatorEngine } from '../adapters/indicators'
import { createNewsSource } from '../adapters/news-feeds'
import { createOpenAiModelClient } from '../adapters/openai-models'
import { createPromptCatalog } from '../adapters/prompt-files'
import { createRulesModelClient } from '../adapters/rules-provider'
import type { AgentPorts } from '../core/agents/create-agent-desk'
import type { Logger } from '../ports/logger'
import type { SecretStore } from '../ports/secret-store'

export interface AgentOptions {
  /** The folder holding prompts/ (the repository's resources/, or the packaged app's). */
  resourcesDir: string
  /** Per provider id, a base URL to use instead of the stored one (the headless CLI's --model-endpoint). */
  modelEndpoints?: Record<string, string>
  /** Start the pilots' schedule at once; true unless the CLI says --pilots off. */
  autostart?: boolean
}

/** The agent desk's adapters: the OpenAI-compatible client, the rules, indicators, the prompt files and news feeds. */
export function createAgentPorts(options: AgentOptions, secrets: SecretStore | undefined, logger: Logger): AgentPorts {
  return {
    models: createOpenAiModelClient({ secrets, logger }),
    rules: createRulesModelClient(),
    indicators: createIndicatorEngine(),
    prompts: createPromptCatalog(options.resourcesDir),
    news: createNewsSource(),
    autostart: options.autostart ?? true,
    providerEndpoints: options.modelEndpoints ?? {},
  }
}
