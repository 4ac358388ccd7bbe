import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { createOpenAiModelClient, PLACEHOLDER_KEY } from '../../src/main/adapters/openai-models'
import { isModelError, modelKeySecretName, type ModelError } from '../../src/main/ports/model-client'
import { costUsd } from '../../src/shared/domain/agents/model-cost'
import type { ModelProvider } from '../../src/shared/domain/agents/model'
import { DEEPSEEK_PRESET, DEFAULT_MODEL_PRICES, OPENAI_PRESET } from '../../src/shared/domain/agents/provider-presets'
import { answers, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai'
import { modelRequest } from '../support/fake-openai/model-request'
import { createMemorySecretStore, type MemorySecretStore } from '../support/memory-secret-store'

// The adapter with the real openai SDK against the fake server: what goes out on the wire and what comes back.
describe('OpenAI-compatible model client: requests and answers', () => {
  const KEY = 'sk-live-integration-0123456789abcdef'
  let fake: FakeOpenAi
  let secrets: MemorySecretStore

  beforeEach(async () => {
    fake = await startFakeOpenAi()
    secrets = createMemorySecretStore()
  })
  afterEach(() => fake.close())

  const at = (preset: ModelProvider, overrides: Partial<ModelProvider> = {}): ModelProvider => ({ ...preset, baseUrl: fake.url, ...overrides })
  const client = () => createOpenAiModelClient({ secrets, sleep: async () => {} })
  const failure = (promise: Promise<unknown>): Promise<ModelError> =>
    promise.then(
      () => {
        throw new Error('expected a ModelError')
      },
      (error: unknown) => {
        if (!isModelError(error)) throw error
        return error
      },
    )

  it('answers with the text, the usage and a latency, and the usage prices out from the table', async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    fake.script(answers.json({ action: 'hold' }, { usage: { promptTokens: 1200, completionTokens: 150 } }))
    const provider = at(DEEPSEEK_PRESET)

    const response = await client().complete(modelRequest(provider, { model: 'deepseek-chat' }))

    expect(JSON.parse(response.text)).toEqual({ action: 'hold' })
    expect(response.usage).toEqual({ promptTokens: 1200, completionTokens: 150 })
    expect(response.finishReason).toBe('stop')
    expect(response.reasoning).toBeNull()
    expect(response.latencyMs).toBeGreaterThan(0)
    const cost = costUsd(DEFAULT_MODEL_PRICES, { providerId: 'deepseek', model: 'deepseek-chat' }, response.usage)
    const price = DEFAULT_MODEL_PRICES.find((p) => p.model === 'deepseek-chat')!
    expect(cost).toBeCloseTo((1200 * price.inputPerMTok + 150 * price.outputPerMTok) / 1e6, 12)
    expect(cost).toBeGreaterThan(0)
  })

  it('sends the model, the messages, the sampling parameters and the stored key', async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    const request = modelRequest(at(DEEPSEEK_PRESET), { model: 'deepseek-reasoner', params: { temperature: 0.7, maxTokens: 1234, topP: 0.8 } })

    await client().complete(request)

    const [sent] = fake.chatRequests()
    expect(sent?.apiKey).toBe(KEY)
    expect(sent?.body).toMatchObject({ model: 'deepseek-reasoner', temperature: 0.7, max_tokens: 1234, top_p: 0.8 })
    expect(sent?.body?.messages).toEqual(request.messages.map((m) => ({ role: m.role, content: m.content })))
    expect(sent?.body?.max_completion_tokens).toBeUndefined()
  })

  it('asks for json_object or a strict json_schema, as the request says', async () => {
    await secrets.set(modelKeySecretName('openai'), KEY)
    const provider = at(OPENAI_PRESET)
    const schema = { type: 'object', properties: { action: { type: 'string' } }, required: ['action'], additionalProperties: false }

    await client().complete(modelRequest(provider, { responseFormat: { kind: 'json_object' } }))
    await client().complete(modelRequest(provider, { responseFormat: { kind: 'json_schema', name: 'trader output', schema } }))

    const [objectMode, schemaMode] = fake.chatRequests()
    expect(objectMode?.body?.response_format).toEqual({ type: 'json_object' })
    expect(schemaMode?.body?.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'trader_output', schema, strict: true } })
    // OpenAI itself gets the token limit under its current name.
    expect(schemaMode?.body?.max_completion_tokens).toBe(800)
    expect(schemaMode?.body?.max_tokens).toBeUndefined()
  })

  it("keeps a reasoning model's reasoning_content apart from its answer", async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    fake.script(answers.reasoned('RSI is 72 on the 1h, momentum fading.', '{"action":"hold"}'))

    const response = await client().complete(modelRequest(at(DEEPSEEK_PRESET), { model: 'deepseek-reasoner' }))

    expect(response.reasoning).toBe('RSI is 72 on the 1h, momentum fading.')
    expect(response.text).toBe('{"action":"hold"}')
  })

  it('passes blank, truncated and prose answers through untouched, with their finish reasons', async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    const value = { action: 'open', symbol: 'BTC-USDT-SWAP', side: 'buy', amount: 0.01 }
    fake.script(answers.blank(), answers.truncatedJson(value), answers.prose('I like this market.'), answers.text('x', { finishReason: 'content_filter' }))
    const models = client()
    const call = () => models.complete(modelRequest(at(DEEPSEEK_PRESET)))

    const blank = await call()
    const truncated = await call()
    const prose = await call()
    const filtered = await call()

    expect(blank.text).toBe('')
    expect(truncated.finishReason).toBe('length')
    expect(JSON.stringify(value).startsWith(truncated.text)).toBe(true)
    expect(truncated.text.length).toBeLessThan(JSON.stringify(value).length)
    expect(prose).toMatchObject({ text: 'I like this market.', finishReason: 'stop' })
    expect(filtered.finishReason).toBe('content_filter')
  })

  it('counts 0 tokens when the server sends no usage', async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    fake.script(answers.text('{}', { usage: null }))
    const response = await client().complete(modelRequest(at(DEEPSEEK_PRESET)))
    expect(response.usage).toEqual({ promptTokens: 0, completionTokens: 0 })
  })

  it('refuses a provider that needs a key and has none, before any request leaves', async () => {
    const withKeychain = await failure(client().complete(modelRequest(at(DEEPSEEK_PRESET))))
    const withoutKeychain = await failure(createOpenAiModelClient({ secrets: undefined }).complete(modelRequest(at(OPENAI_PRESET))))

    expect(withKeychain.kind).toBe('no_key')
    expect(withKeychain.message).toMatch(/deepseek/)
    expect(withoutKeychain.kind).toBe('no_key')
    expect(withoutKeychain.retryable).toBe(false)
    expect(fake.requests).toHaveLength(0)
  })

  it('calls a local OpenAI-compatible server without a key, with a placeholder the SDK accepts', async () => {
    const local: ModelProvider = { ...at(OPENAI_PRESET), id: 'ollama', kind: 'openai-compatible', name: 'Ollama', models: ['llama3.1'] }

    const response = await createOpenAiModelClient({ secrets: undefined }).complete(modelRequest(local))

    expect(response.text).toBe('OK')
    expect(fake.chatRequests()[0]?.apiKey).toBe(PLACEHOLDER_KEY)
  })

  it('uses a key stored for a local server when there is one', async () => {
    fake.setRequiredKey('lm-studio-key-123')
    await secrets.set(modelKeySecretName('lmstudio'), 'lm-studio-key-123')
    const local: ModelProvider = { ...at(OPENAI_PRESET), id: 'lmstudio', kind: 'openai-compatible', name: 'LM Studio' }
    await expect(client().complete(modelRequest(local))).resolves.toMatchObject({ text: 'OK' })
  })

  it('picks up a changed key and a changed base URL on the next call', async () => {
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    const models = client()
    await models.complete(modelRequest(at(DEEPSEEK_PRESET)))
    await secrets.set(modelKeySecretName('deepseek'), 'sk-rotated-key-987654321')
    await models.complete(modelRequest(at(DEEPSEEK_PRESET)))

    const other = await startFakeOpenAi()
    try {
      await models.complete(modelRequest({ ...DEEPSEEK_PRESET, baseUrl: other.url }))
      expect(other.chatRequests()).toHaveLength(1)
    } finally {
      await other.close()
    }
    expect(fake.chatRequests().map((r) => r.apiKey)).toEqual([KEY, 'sk-rotated-key-987654321'])
  })

  it('refuses the rules provider: it has no endpoint to call', async () => {
    const rules: ModelProvider = { ...DEEPSEEK_PRESET, id: 'rules', kind: 'rules', baseUrl: null }
    const error = await failure(client().complete(modelRequest(rules)))
    expect(error.kind).toBe('unsupported')
    expect(fake.requests).toHaveLength(0)
  })

  it('logs successes and failures without the key', async () => {
    const logger = createMemoryLogger('debug')
    fake.setRequiredKey('sk-the-right-key-000000')
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    const models = createOpenAiModelClient({ secrets, logger, sleep: async () => {} })
    await failure(models.complete(modelRequest(at(DEEPSEEK_PRESET))))
    fake.setRequiredKey(null)
    await models.complete(modelRequest(at(DEEPSEEK_PRESET)))

    expect(logger.records.map((r) => r.msg)).toEqual(['model call failed', 'model answered'])
    expect(JSON.stringify(logger.records)).not.toContain(KEY)
  })
})
