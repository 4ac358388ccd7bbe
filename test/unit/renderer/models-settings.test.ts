import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProviderStatus } from '../../../src/shared/contract/domains/models'
import { ModelProviderSchema, type ModelPrice, type ModelProvider } from '../../../src/shared/domain/agents/model'
import { modelKeyProblem } from '../../../src/renderer/src/pages/settings/models/model-key-rules'
import { pricesFromRows, rowsFromPrices, sameAsPrices, type PriceRow } from '../../../src/renderer/src/pages/settings/models/price-table'
import { EMPTY_PROVIDER_FORM, formFromProvider, PROVIDER_PRESETS, providerFromForm, splitModels } from '../../../src/renderer/src/pages/settings/models/provider-form'
import { keyState, upsertProvider } from '../../../src/renderer/src/stores/models-state'

const deepseek: ModelProvider = {
  id: 'deepseek',
  kind: 'deepseek',
  name: 'DeepSeek',
  baseUrl: 'https://api.deepseek.com/v1',
  models: ['deepseek-chat', 'deepseek-reasoner'],
  capabilities: { jsonSchema: false, jsonObject: true, tools: true, reasoning: true },
  timeoutMs: 60_000,
  maxRetries: 2,
}

const row = (key: number, patch: Partial<PriceRow> = {}): PriceRow => ({ key, providerId: 'deepseek', model: 'deepseek-chat', input: '0.27', output: '1.10', ...patch })

describe('price table editor', () => {
  it('turns valid rows into the price table, trimming model names', () => {
    const built = pricesFromRows([row(1, { model: ' deepseek-chat ' }), row(2, { model: 'deepseek-reasoner', input: '0.55', output: '2.19' })])
    expect(built.count).toBe(0)
    expect(built.prices).toEqual([
      { providerId: 'deepseek', model: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1 },
      { providerId: 'deepseek', model: 'deepseek-reasoner', inputPerMTok: 0.55, outputPerMTok: 2.19 },
    ])
  })

  it('flags each bad field of each row and saves nothing then', () => {
    const built = pricesFromRows([row(1, { providerId: 'Bad Id' }), row(2, { model: '  ' }), row(3, { input: '-1', output: '10001' }), row(4, { model: 'other', input: 'abc' })])
    expect(built.prices).toBeNull()
    expect(built.count).toBe(4)
    expect(built.problems).toEqual({
      1: { providerId: 'provider' },
      2: { model: 'model' },
      3: { input: 'price', output: 'price' },
      4: { input: 'price' },
    })
  })

  it('refuses the same provider and model priced twice, and allows the same model at two providers', () => {
    expect(pricesFromRows([row(1), row(2)]).problems).toEqual({ 2: { model: 'duplicate' } })
    expect(pricesFromRows([row(1), row(2, { providerId: 'openrouter' })]).count).toBe(0)
  })

  it('accepts free models and the highest price', () => {
    expect(pricesFromRows([row(1, { input: '0', output: '10000' })]).prices).toHaveLength(1)
  })

  it('round-trips any valid table through the rows', () => {
    const price = fc.record({
      providerId: fc.constantFrom('deepseek', 'qwen-intl', 'openai', 'ollama'),
      model: fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
      inputPerMTok: fc.double({ min: 0, max: 10_000, noNaN: true }),
      outputPerMTok: fc.double({ min: 0, max: 10_000, noNaN: true }),
    })
    const table = fc.uniqueArray(price, { selector: (p) => `${p.providerId}/${p.model}`, maxLength: 10 })
    fc.assert(
      fc.property(table, (prices: ModelPrice[]) => {
        const rows = rowsFromPrices(prices)
        expect(pricesFromRows(rows).prices).toEqual(prices)
        expect(sameAsPrices(rows, prices)).toBe(true)
      }),
    )
  })

  it('knows rows differ from the saved table after an edit or a removal', () => {
    const prices = pricesFromRows([row(1), row(2, { model: 'b' })]).prices!
    const rows = rowsFromPrices(prices)
    expect(sameAsPrices(rows, prices)).toBe(true)
    expect(sameAsPrices(rows.slice(1), prices)).toBe(false)
    expect(sameAsPrices([{ ...rows[0]!, input: '0.28' }, rows[1]!], prices)).toBe(false)
  })
})

describe('provider form', () => {
  it('round-trips a provider through the form, timeout in seconds', () => {
    const form = formFromProvider(deepseek)
    expect(form.timeoutSeconds).toBe('60')
    expect(providerFromForm(form)).toEqual({ provider: deepseek, problems: {} })
  })

  it('builds a valid OpenAI-compatible provider from every preset once it has a model', () => {
    for (const preset of PROVIDER_PRESETS) {
      const built = providerFromForm({ ...EMPTY_PROVIDER_FORM, ...preset.form, models: 'some-model' })
      expect(built.problems, preset.key).toEqual({})
      expect(ModelProviderSchema.parse(built.provider)).toMatchObject({ id: preset.form.id, kind: 'openai-compatible', models: ['some-model'] })
    }
  })

  it('names each field that is wrong', () => {
    const built = providerFromForm({ ...EMPTY_PROVIDER_FORM, id: 'My Server', name: ' ', baseUrl: 'ftp://x', timeoutSeconds: '0.5', maxRetries: '1.5' })
    expect(built.provider).toBeNull()
    expect(built.problems).toEqual({ id: 'idRule', name: 'required', baseUrl: 'url', timeoutSeconds: 'timeout', maxRetries: 'retries' })
  })

  it('refuses an id another provider already has, since saving would overwrite it', () => {
    const form = { ...EMPTY_PROVIDER_FORM, id: 'deepseek', name: 'Mine', baseUrl: 'http://127.0.0.1:8000/v1' }
    expect(providerFromForm(form, ['deepseek', 'rules']).problems).toEqual({ id: 'idTaken' })
    expect(providerFromForm(form, ['rules']).problems).toEqual({})
  })

  it('reads models separated by commas or newlines, without blanks or repeats', () => {
    expect(splitModels(' a, b\nc,, a ,')).toEqual(['a', 'b', 'c'])
  })

  it('needs no base URL for the rules provider', () => {
    const rules = { ...EMPTY_PROVIDER_FORM, id: 'rules', name: 'Rules', kind: 'rules' as const, baseUrl: '' }
    expect(providerFromForm(rules).provider?.baseUrl).toBeNull()
  })
})

describe('model keys and provider status', () => {
  it('checks a key before it is sent, without the value in the answer', () => {
    expect(modelKeyProblem('')).toBe('required')
    expect(modelKeyProblem('sk-1234')).toBe('length')
    expect(modelKeyProblem('sk-12345')).toBeNull()
    expect(modelKeyProblem('sk-1234 5678')).toBe('characters')
    expect(modelKeyProblem('x'.repeat(401))).toBe('length')
  })

  it('says stored when a key is, else missing or (for a local server) not needed', () => {
    expect(keyState({ needsKey: false, keyStored: true })).toBe('stored')
    expect(keyState({ needsKey: false, keyStored: false })).toBe('not_needed')
    expect(keyState({ needsKey: true, keyStored: true })).toBe('stored')
    expect(keyState({ needsKey: true, keyStored: false })).toBe('missing')
  })

  it('replaces a provider in place and adds a new one at the end', () => {
    const status = (p: ModelProvider, keyStored = false): ProviderStatus => ({ provider: p, keyStored, needsKey: true })
    const other = { ...deepseek, id: 'openai', name: 'OpenAI', kind: 'openai' as const }
    const list = [status(deepseek), status(other)]
    expect(upsertProvider(list, status(deepseek, true)).map((s) => [s.provider.id, s.keyStored])).toEqual([
      ['deepseek', true],
      ['openai', false],
    ])
    expect(upsertProvider(list, status({ ...deepseek, id: 'new' })).map((s) => s.provider.id)).toEqual(['deepseek', 'openai', 'new'])
    expect(upsertProvider(null, status(deepseek))).toHaveLength(1)
  })
})
