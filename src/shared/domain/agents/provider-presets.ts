import type { ModelPrice, ModelProvider, ProviderCapabilities } from './model'
import { RULES_PROVIDER_ID } from './model'

/**
 * The providers a fresh profile starts with. They are plain data: the user
 * edits base URLs, models, timeouts and retries in Settings → Models, and the
 * adapters read capabilities from here rather than branching on the vendor.
 */

/** A network call's budget when the provider has no reason to differ. */
export const DEFAULT_MODEL_TIMEOUT_MS = 60_000
export const DEFAULT_MODEL_MAX_RETRIES = 2

const NO_CAPABILITIES: ProviderCapabilities = { jsonSchema: false, jsonObject: false, tools: false, reasoning: false }

export const DEEPSEEK_PRESET: ModelProvider = {
  id: 'deepseek',
  kind: 'deepseek',
  name: 'DeepSeek',
  // DeepSeek documents this root as its OpenAI-compatible base (the /v1 suffix is accepted too, and means nothing more).
  baseUrl: 'https://api.deepseek.com',
  models: ['deepseek-chat', 'deepseek-reasoner'],
  // JSON output is json_object only; it has no json_schema mode. The reasoner answers with a separate reasoning_content.
  capabilities: { jsonSchema: false, jsonObject: true, tools: true, reasoning: true },
  // The reasoner thinks before it answers; a minute is often not enough.
  timeoutMs: 120_000,
  maxRetries: DEFAULT_MODEL_MAX_RETRIES,
}

// DashScope's compatible mode accepts response_format json_object; json_schema support is not documented
// for every model, so it is off here and the orchestrator puts the schema into the prompt instead.
const QWEN_CAPABILITIES: ProviderCapabilities = { jsonSchema: false, jsonObject: true, tools: true, reasoning: false }
const QWEN_MODELS = ['qwen-plus', 'qwen-max', 'qwen-turbo']

export const QWEN_INTL_PRESET: ModelProvider = {
  id: 'qwen',
  kind: 'qwen-intl',
  name: 'Qwen (international)',
  baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  models: QWEN_MODELS,
  capabilities: QWEN_CAPABILITIES,
  timeoutMs: DEFAULT_MODEL_TIMEOUT_MS,
  maxRetries: DEFAULT_MODEL_MAX_RETRIES,
}

export const QWEN_CN_PRESET: ModelProvider = {
  id: 'qwen-cn',
  kind: 'qwen-cn',
  name: 'Qwen (mainland China)',
  baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  models: QWEN_MODELS,
  capabilities: QWEN_CAPABILITIES,
  timeoutMs: DEFAULT_MODEL_TIMEOUT_MS,
  maxRetries: DEFAULT_MODEL_MAX_RETRIES,
}

export const OPENAI_PRESET: ModelProvider = {
  id: 'openai',
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  models: ['gpt-4o-mini', 'gpt-4.1'],
  capabilities: { jsonSchema: true, jsonObject: true, tools: true, reasoning: false },
  timeoutMs: DEFAULT_MODEL_TIMEOUT_MS,
  maxRetries: DEFAULT_MODEL_MAX_RETRIES,
}

/** Deterministic strategies in process: no URL, no key, no structured-output modes to choose from. */
export const RULES_PROVIDER: ModelProvider = {
  id: RULES_PROVIDER_ID,
  kind: 'rules',
  name: 'Rules (built in)',
  baseUrl: null,
  models: ['trend_following', 'mean_reversion', 'breakout'],
  capabilities: NO_CAPABILITIES,
  timeoutMs: DEFAULT_MODEL_TIMEOUT_MS,
  maxRetries: 0,
}

/** Every preset, rules last; the order is the order Settings → Models lists them in. */
export const PROVIDER_PRESETS: readonly ModelProvider[] = [DEEPSEEK_PRESET, QWEN_INTL_PRESET, QWEN_CN_PRESET, OPENAI_PRESET, RULES_PROVIDER]

/**
 * List prices in USD per million tokens, written down from memory of the
 * vendors' pages (cache-miss input, standard tier). They drift; the user
 * edits them in Settings → Models, and only the edited table is used.
 */
export const DEFAULT_MODEL_PRICES: readonly ModelPrice[] = [
  { providerId: 'deepseek', model: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1 },
  { providerId: 'deepseek', model: 'deepseek-reasoner', inputPerMTok: 0.55, outputPerMTok: 2.19 },
  ...['qwen', 'qwen-cn'].flatMap((providerId) => [
    { providerId, model: 'qwen-plus', inputPerMTok: 0.4, outputPerMTok: 1.2 },
    { providerId, model: 'qwen-max', inputPerMTok: 1.6, outputPerMTok: 6.4 },
    { providerId, model: 'qwen-turbo', inputPerMTok: 0.05, outputPerMTok: 0.2 },
  ]),
  { providerId: 'openai', model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 },
  { providerId: 'openai', model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 },
]

export function findProviderPreset(id: string): ModelProvider | null {
  return PROVIDER_PRESETS.find((preset) => preset.id === id) ?? null
}

/**
 * Whether calls to this provider need an API key. The rules provider runs in
 * process; a self-hosted OpenAI-compatible server on this machine (Ollama,
 * LM Studio, vLLM) usually accepts any key, so asking for one would only be
 * in the way. A vendor preset pointed at localhost still needs one: that is a
 * proxy in front of the vendor, not a local model.
 */
export function providerNeedsKey(provider: Pick<ModelProvider, 'kind' | 'baseUrl'>): boolean {
  if (provider.kind === 'rules') return false
  if (provider.kind === 'openai-compatible' && provider.baseUrl !== null && isLoopbackUrl(provider.baseUrl)) return false
  return true
}

function isLoopbackUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '[::1]' || host === '::1') return true
  // The whole of 127.0.0.0/8 is loopback, not only 127.0.0.1.
  return /^127(\.\d{1,3}){3}$/.test(host)
}
