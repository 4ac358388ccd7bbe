import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ModelPriceSchema, ModelProviderSchema, type ModelProvider } from '../../../src/shared/domain/agents/model'
import { costUsd, findModelPrice } from '../../../src/shared/domain/agents/model-cost'
import { DEFAULT_MODEL_PRICES, findProviderPreset, PROVIDER_PRESETS, providerNeedsKey, RULES_PROVIDER } from '../../../src/shared/domain/agents/provider-presets'

describe('provider presets', () => {
  it('are valid providers with unique ids, rules included', () => {
    for (const preset of PROVIDER_PRESETS) expect(ModelProviderSchema.safeParse(preset).error).toBeUndefined()
    expect(new Set(PROVIDER_PRESETS.map((p) => p.id)).size).toBe(PROVIDER_PRESETS.length)
    expect(PROVIDER_PRESETS.map((p) => p.id)).toEqual(['deepseek', 'qwen', 'qwen-cn', 'openai', 'rules'])
  })

  it('declare only the structured-output modes the vendors document', () => {
    expect(findProviderPreset('deepseek')?.capabilities).toMatchObject({ jsonSchema: false, jsonObject: true, reasoning: true })
    expect(findProviderPreset('qwen')?.capabilities.jsonSchema).toBe(false)
    expect(findProviderPreset('openai')?.capabilities.jsonSchema).toBe(true)
    expect(RULES_PROVIDER).toMatchObject({ kind: 'rules', baseUrl: null, models: ['trend_following', 'mean_reversion', 'breakout'] })
    expect(Object.values(RULES_PROVIDER.capabilities).every((on) => on === false)).toBe(true)
    expect(findProviderPreset('nope')).toBeNull()
  })

  it('price every model of every vendor preset, with valid rows', () => {
    for (const price of DEFAULT_MODEL_PRICES) expect(ModelPriceSchema.safeParse(price).error).toBeUndefined()
    for (const preset of PROVIDER_PRESETS.filter((p) => p.kind !== 'rules')) {
      for (const model of preset.models) expect(findModelPrice(DEFAULT_MODEL_PRICES, { providerId: preset.id, model }), `${preset.id}/${model}`).not.toBeNull()
    }
  })
})

describe('providerNeedsKey', () => {
  const custom = (baseUrl: string): Pick<ModelProvider, 'kind' | 'baseUrl'> => ({ kind: 'openai-compatible', baseUrl })

  it('needs none for the rules provider and for compatible servers on this machine', () => {
    expect(providerNeedsKey(RULES_PROVIDER)).toBe(false)
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'http://127.8.9.10/v1', 'http://[::1]:8000/v1', 'http://ollama.localhost/v1']) {
      expect(providerNeedsKey(custom(url)), url).toBe(false)
    }
  })

  it('needs one for vendor presets, remote compatible servers and look-alike hosts', () => {
    for (const preset of PROVIDER_PRESETS.filter((p) => p.kind !== 'rules')) expect(providerNeedsKey(preset)).toBe(true)
    // A vendor preset pointed at localhost is a proxy in front of the vendor, not a local model.
    expect(providerNeedsKey({ kind: 'deepseek', baseUrl: 'http://127.0.0.1:9000/v1' })).toBe(true)
    for (const url of ['https://openrouter.ai/api/v1', 'http://127.0.0.1.evil.example/v1', 'http://localhost.evil.example/v1', 'http://10.0.0.5:8000/v1']) {
      expect(providerNeedsKey(custom(url)), url).toBe(true)
    }
  })
})

describe('costUsd', () => {
  const prices = [{ providerId: 'deepseek', model: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1 }]

  it('prices prompt and completion tokens separately per million', () => {
    const ref = { providerId: 'deepseek', model: 'deepseek-chat' }
    expect(costUsd(prices, ref, { promptTokens: 1_000_000, completionTokens: 0 })).toBeCloseTo(0.27, 12)
    expect(costUsd(prices, ref, { promptTokens: 0, completionTokens: 1_000_000 })).toBeCloseTo(1.1, 12)
    expect(costUsd(prices, ref, { promptTokens: 2000, completionTokens: 500 })).toBeCloseTo((2000 * 0.27 + 500 * 1.1) / 1e6, 15)
  })

  it('is 0 for a model the table does not price (the same name under another provider included)', () => {
    expect(costUsd(prices, { providerId: 'ollama', model: 'llama3.1' }, { promptTokens: 5000, completionTokens: 5000 })).toBe(0)
    expect(costUsd(prices, { providerId: 'other', model: 'deepseek-chat' }, { promptTokens: 5000, completionTokens: 5000 })).toBe(0)
  })

  it('never goes negative and grows with the tokens', () => {
    const ref = { providerId: 'deepseek', model: 'deepseek-chat' }
    const tokens = fc.integer({ min: 0, max: 10_000_000 })
    fc.assert(
      fc.property(tokens, tokens, tokens, (prompt, completion, extra) => {
        const base = costUsd(prices, ref, { promptTokens: prompt, completionTokens: completion })
        expect(base).toBeGreaterThanOrEqual(0)
        expect(costUsd(prices, ref, { promptTokens: prompt + extra, completionTokens: completion })).toBeGreaterThanOrEqual(base)
      }),
    )
  })
})
