import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOpenAiModelClient } from '../../src/main/adapters/openai-models'
import { modelKeySecretName } from '../../src/main/ports/model-client'
import type { ModelProvider } from '../../src/shared/domain/agents/model'
import { QWEN_INTL_PRESET, RULES_PROVIDER } from '../../src/shared/domain/agents/provider-presets'
import { answers, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai'
import { createMemorySecretStore, type MemorySecretStore } from '../support/memory-secret-store'

// The Settings → Models "test call": one small plain-text call that reports instead of throwing.
describe('OpenAI-compatible model client: testModel', () => {
  const KEY = 'sk-qwen-test-call-key-0123456789'
  let fake: FakeOpenAi
  let secrets: MemorySecretStore

  beforeEach(async () => {
    fake = await startFakeOpenAi({ requireKey: KEY })
    secrets = createMemorySecretStore()
  })
  afterEach(() => fake.close())

  const qwen = (overrides: Partial<ModelProvider> = {}): ModelProvider => ({ ...QWEN_INTL_PRESET, baseUrl: fake.url, ...overrides })
  const client = () => createOpenAiModelClient({ secrets, sleep: async () => {} })

  it("reports the latency and the answer of the provider's first model with the stored key", async () => {
    await secrets.set(modelKeySecretName('qwen'), KEY)
    const result = await client().testModel(qwen())

    expect(result).toMatchObject({ ok: true, model: 'qwen-plus' })
    expect(result.message).toMatch(/^Answered in \d+ ms with "OK"$/)
    expect(result.latencyMs).toBeGreaterThan(0)
    const [sent] = fake.chatRequests()
    expect(sent?.body?.model).toBe('qwen-plus')
    // Plain text: the test must not depend on the provider's structured-output modes.
    expect(sent?.body?.response_format).toBeUndefined()
  })

  it('tests a candidate key before it is stored, and a chosen model', async () => {
    const result = await client().testModel(qwen(), 'qwen-max', { apiKey: KEY })
    expect(result).toMatchObject({ ok: true, model: 'qwen-max' })
    expect(fake.chatRequests()[0]?.apiKey).toBe(KEY)
    expect(secrets.entries.size).toBe(0)
  })

  it('reports a refused key without throwing, without retrying and without the key', async () => {
    const wrong = 'wrong-candidate-key-55555555'
    const result = await client().testModel(qwen({ maxRetries: 3 }), undefined, { apiKey: wrong })
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/key was refused \(HTTP 401\)/)
    expect(result.message).not.toContain(wrong)
    expect(fake.chatRequests()).toHaveLength(1)
  })

  it('reports a rate limit once instead of retrying while the trader waits', async () => {
    await secrets.set(modelKeySecretName('qwen'), KEY)
    fake.script(answers.rateLimited(), 'OK')
    const result = await client().testModel(qwen({ maxRetries: 3 }))
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/rate limited/)
    expect(fake.pending()).toBe(1)
  })

  it('says a blank answer is still an answer', async () => {
    await secrets.set(modelKeySecretName('qwen'), KEY)
    fake.script(answers.blank())
    const result = await client().testModel(qwen())
    expect(result.ok).toBe(true)
    expect(result.message).toContain('a blank answer')
  })

  it('reports a missing key, a provider without models and the rules provider without calling', async () => {
    const models = client()
    const noKey = await models.testModel(qwen())
    const noModels = await models.testModel(qwen({ models: [] }), undefined, { apiKey: KEY })
    const rules = await models.testModel(RULES_PROVIDER)

    expect(noKey).toMatchObject({ ok: false, model: 'qwen-plus' })
    expect(noKey.message).toMatch(/no API key is stored/)
    expect(noModels).toMatchObject({ ok: false, model: '' })
    expect(rules.ok).toBe(false)
    expect(rules.message).toMatch(/no OpenAI-compatible endpoint/)
    expect(fake.requests).toHaveLength(0)
  })
})
