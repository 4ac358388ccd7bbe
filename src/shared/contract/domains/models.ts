import { z } from 'zod'
import { ModelPriceSchema, ModelProviderSchema, ProviderIdSchema } from '../../domain/agents/model'
import { command, event } from '../define'

/** A provider as Settings → Models shows it: never the key, only whether one is stored. */
export const ProviderStatusSchema = z.strictObject({
  provider: ModelProviderSchema,
  keyStored: z.boolean(),
  /** Whether the provider needs a key at all (the rules provider and local servers may not). */
  needsKey: z.boolean(),
})
export type ProviderStatus = z.infer<typeof ProviderStatusSchema>

export const ModelTestResultSchema = z.strictObject({
  ok: z.boolean(),
  model: z.string(),
  latencyMs: z.number().nonnegative(),
  message: z.string(),
})
export type ModelTestResult = z.infer<typeof ModelTestResultSchema>

export const modelCommands = {
  'models.listProviders': command({
    summary: 'Every configured model provider, with whether its key is stored',
    input: z.void(),
    output: z.array(ProviderStatusSchema),
  }),
  'models.saveProvider': command({
    summary: 'Adds or changes a provider (base URL, models, capabilities, timeout, retries)',
    input: ModelProviderSchema,
    output: ProviderStatusSchema,
  }),
  'models.removeProvider': command({
    summary: 'Removes a provider and its key; pilots using it fall back to rules',
    input: z.strictObject({ providerId: ProviderIdSchema }),
    output: z.strictObject({ removed: z.boolean() }),
  }),
  'models.saveKey': command({
    summary: 'Stores a provider API key in the OS keychain after a test call with it succeeded',
    input: z.strictObject({ providerId: ProviderIdSchema, apiKey: z.string().min(8).max(400) }),
    output: z.strictObject({ status: ProviderStatusSchema, test: ModelTestResultSchema }),
  }),
  'models.deleteKey': command({
    summary: "Deletes a provider's key from the keychain",
    input: z.strictObject({ providerId: ProviderIdSchema }),
    output: ProviderStatusSchema,
  }),
  'models.test': command({
    summary: 'Sends one small call with the stored key and reports latency or the error',
    input: z.strictObject({ providerId: ProviderIdSchema, model: z.string().min(1).max(120).optional() }),
    output: ModelTestResultSchema,
  }),
  'models.prices': command({
    summary: 'The price table (USD per million tokens) used for model cost',
    input: z.void(),
    output: z.array(ModelPriceSchema),
  }),
  'models.setPrices': command({
    summary: 'Replaces the price table',
    input: z.array(ModelPriceSchema).max(500),
    output: z.array(ModelPriceSchema),
  }),
} as const

export const modelEvents = {
  'models.changed': event({ summary: 'A provider, its key or the price table changed', payload: z.strictObject({ providerId: ProviderIdSchema.nullable() }) }),
} as const
