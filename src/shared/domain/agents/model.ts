import { z } from 'zod'

/** A configured model endpoint: a preset (DeepSeek, Qwen, OpenAI) or any OpenAI-compatible base URL, or the built-in rules. */
export const ProviderIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected 1-40 lowercase letters, digits, _ or -')
export type ProviderId = z.infer<typeof ProviderIdSchema>

/** The rules provider's id: deterministic strategies, no key, always available. */
export const RULES_PROVIDER_ID = 'rules'

export const ProviderKindSchema = z.enum(['deepseek', 'qwen-intl', 'qwen-cn', 'openai', 'openai-compatible', 'rules'])
export type ProviderKind = z.infer<typeof ProviderKindSchema>

/** What a provider's API accepts; the orchestrator picks the structured-output mode from it. */
export const ProviderCapabilitiesSchema = z.strictObject({
  jsonSchema: z.boolean(),
  jsonObject: z.boolean(),
  tools: z.boolean(),
  /** Whether answers carry a separate reasoning text (DeepSeek reasoner's reasoning_content). */
  reasoning: z.boolean(),
})
export type ProviderCapabilities = z.infer<typeof ProviderCapabilitiesSchema>

/** USD per million tokens; the user edits these in Settings → Models. */
export const ModelPriceSchema = z.strictObject({
  providerId: ProviderIdSchema,
  model: z.string().min(1).max(120),
  inputPerMTok: z.number().min(0).max(10_000),
  outputPerMTok: z.number().min(0).max(10_000),
})
export type ModelPrice = z.infer<typeof ModelPriceSchema>

export const ModelProviderSchema = z.strictObject({
  id: ProviderIdSchema,
  kind: ProviderKindSchema,
  name: z.string().min(1).max(80),
  /** Absolute http(s) URL of the OpenAI-compatible API root (…/v1); null for the rules provider. */
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  models: z.array(z.string().min(1).max(120)).max(50),
  capabilities: ProviderCapabilitiesSchema,
  timeoutMs: z.number().int().min(1000).max(600_000),
  maxRetries: z.number().int().min(0).max(5),
})
export type ModelProvider = z.infer<typeof ModelProviderSchema>

/** Sampling parameters of one role's call. */
export const ModelParamsSchema = z.strictObject({
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().min(16).max(32_768),
  topP: z.number().gt(0).max(1),
})
export type ModelParams = z.infer<typeof ModelParamsSchema>

/** Which model answers: a provider and one of its models. */
export const ModelRefSchema = z.strictObject({
  providerId: ProviderIdSchema,
  model: z.string().min(1).max(120),
})
export type ModelRef = z.infer<typeof ModelRefSchema>

export const TokenUsageSchema = z.strictObject({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
})
export type TokenUsage = z.infer<typeof TokenUsageSchema>
