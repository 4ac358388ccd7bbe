import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProviderStatus } from '../../../src/shared/contract/domains/models'
import { PilotPatchSchema } from '../../../src/shared/contract/domains/pilots'
import { RULES_PROVIDER, QWEN_INTL_PRESET } from '../../../src/shared/domain/agents/provider-presets'
import type { ModelProvider } from '../../../src/shared/domain/agents/model'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'
import {
  budgetReached,
  callsModels,
  formFromPilot,
  minutesText,
  overridesOutsidePipeline,
  patchFromForm,
  pipelineRoles,
  providersWithoutKey,
  refFromKey,
  refKey,
  toggleSymbol,
  type PilotForm,
} from '../../../src/renderer/src/stores/pilot-editor-form'
import { status } from './feed-arena-fixtures'

const qwen: ModelProvider = { ...QWEN_INTL_PRESET, models: ['qwen-turbo', 'qwen-plus', 'qwen-max'] }
const local: ModelProvider = { ...QWEN_INTL_PRESET, id: 'fake-local', kind: 'openai-compatible', name: 'Fake local', baseUrl: 'http://127.0.0.1:1/v1', models: ['fake-chat', 'fake-reasoner'] }
const providers = [RULES_PROVIDER, qwen, local]

const rulesPilot: PilotConfig = { ...status('rules').config, strategy: 'trend_following', cadenceMs: 180_000, budget: { tokensPerDay: 0, usdPerDay: 0 }, symbols: ['BTC/USDT:USDT', 'ETH/USDT:USDT'] }
const qwenPilot: PilotConfig = {
  ...status('qwen').config,
  name: 'Qwen desk',
  pipeline: 'desk',
  model: { providerId: 'qwen', model: 'qwen-turbo' },
  roleModels: { trader: { providerId: 'qwen', model: 'qwen-max' } },
  budget: { tokensPerDay: 3_000_000, usdPerDay: 5 },
}

const edit = (config: PilotConfig, patch: Partial<PilotForm>): PilotForm => ({ ...formFromPilot(config), ...patch })

describe('the pilot settings form', () => {
  it('changes nothing when nothing is edited, whatever the pilot', () => {
    for (const config of [rulesPilot, qwenPilot, { ...rulesPilot, cadenceMs: 10_000 }, { ...rulesPilot, cadenceMs: 86_400_000 }]) {
      const built = patchFromForm(formFromPilot(config), config, providers)
      expect(built).toEqual({ patch: {}, problems: { fields: {}, roles: {} }, changed: false })
    }
  })

  it('sends only what changed: mean reversion every 6 minutes for the rules pilot', () => {
    const built = patchFromForm(edit(rulesPilot, { strategy: 'mean_reversion', cadenceMinutes: '6' }), rulesPilot, providers)
    // The rules model is named after the strategy, so the leaderboard's "rules/…" label stays true.
    expect(built.patch).toEqual({ strategy: 'mean_reversion', cadenceMs: 360_000, model: { providerId: 'rules', model: 'mean_reversion' } })
    expect(built.changed).toBe(true)
    expect(PilotPatchSchema.safeParse(built.patch).success).toBe(true)
  })

  it('takes minutes with decimals and trims the name', () => {
    const built = patchFromForm(edit(qwenPilot, { name: '  Qwen fast  ', cadenceMinutes: '0.5' }), qwenPilot, providers)
    expect(built.patch).toEqual({ name: 'Qwen fast', cadenceMs: 30_000 })
  })

  it('round-trips the cadence text for every allowed cadence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 86_400_000 }), (cadenceMs) => {
        const config = { ...rulesPilot, cadenceMs }
        expect(patchFromForm(formFromPilot(config), config, providers).patch).toEqual({})
        // Retyping the same number of whole minutes is no change either.
        if (cadenceMs % 60_000 === 0) expect(patchFromForm(edit(config, { cadenceMinutes: ` ${cadenceMs / 60_000} ` }), config, providers).patch).toEqual({})
      }),
    )
  })

  it('flags each bad field and builds no patch then', () => {
    const built = patchFromForm(edit(qwenPilot, { name: '   ', symbols: [], cadenceMinutes: '0.1', tokensPerDay: '1.5', usdPerDay: '-1' }), qwenPilot, providers)
    expect(built.patch).toBeNull()
    expect(built.changed).toBe(false)
    expect(built.problems.fields).toEqual({ name: 'nameRequired', symbols: 'symbolsNone', cadenceMinutes: 'cadence', tokensPerDay: 'tokens', usdPerDay: 'usd' })
  })

  it('refuses cadences outside 10 seconds to 24 hours, and text that is not a number', () => {
    for (const text of ['0.16', '1441', 'abc', '', '-3', '1e9']) {
      expect(patchFromForm(edit(rulesPilot, { cadenceMinutes: text }), rulesPilot, providers).problems.fields.cadenceMinutes, text).toBe('cadence')
    }
    expect(patchFromForm(edit(rulesPilot, { cadenceMinutes: '1440' }), rulesPilot, providers).patch).toEqual({ cadenceMs: 86_400_000 })
  })

  it('refuses a long name and more than ten symbols', () => {
    const symbols = Array.from({ length: 11 }, (_, i) => `S${i}/USDT:USDT`)
    const built = patchFromForm(edit(rulesPilot, { name: 'x'.repeat(81), symbols }), rulesPilot, providers)
    expect(built.problems.fields).toEqual({ name: 'nameTooLong', symbols: 'symbolsTooMany' })
  })

  it('names a model the provider does not serve, or a provider that is gone, and accepts anything while providers load', () => {
    const wrongModel = edit(qwenPilot, { model: { providerId: 'qwen', model: 'qwen-ultra' } })
    expect(patchFromForm(wrongModel, qwenPilot, providers).problems.fields.model).toBe('modelUnknown')
    const gone = edit(qwenPilot, { roleModels: { trader: { providerId: 'removed', model: 'x' } } })
    expect(patchFromForm(gone, qwenPilot, providers).problems.roles).toEqual({ trader: 'providerUnknown' })
    expect(patchFromForm(wrongModel, qwenPilot, null).patch).toEqual({ model: { providerId: 'qwen', model: 'qwen-ultra' } })
  })

  it('replaces the role models as a whole, keeping only roles of the chosen pipeline', () => {
    const overrides = edit(qwenPilot, { roleModels: { trader: { providerId: 'fake-local', model: 'fake-reasoner' }, news_collector: { providerId: 'fake-local', model: 'fake-chat' } } })
    expect(patchFromForm(overrides, qwenPilot, providers).patch).toEqual({
      roleModels: { trader: { providerId: 'fake-local', model: 'fake-reasoner' }, news_collector: { providerId: 'fake-local', model: 'fake-chat' } },
    })
    // Solo asks the trader only: the news collector's model would never be used.
    const solo = { ...overrides, pipeline: 'solo' as const }
    expect(overridesOutsidePipeline(solo)).toEqual(['news_collector'])
    expect(patchFromForm(solo, qwenPilot, providers).patch).toEqual({ pipeline: 'solo', roleModels: { trader: { providerId: 'fake-local', model: 'fake-reasoner' } } })
    // Back to "same as main model" for every role.
    expect(patchFromForm(edit(qwenPilot, { roleModels: {} }), qwenPilot, providers).patch).toEqual({ roleModels: {} })
  })

  it('names a rules override after the strategy too', () => {
    const form = edit(qwenPilot, { strategy: 'breakout', roleModels: { trader: { providerId: 'rules', model: 'trend_following' } } })
    expect(patchFromForm(form, qwenPilot, providers).patch).toEqual({ strategy: 'breakout', roleModels: { trader: { providerId: 'rules', model: 'breakout' } } })
  })

  it('sends the budget as a whole when either limit changes, and the fallback switch', () => {
    const built = patchFromForm(edit(qwenPilot, { usdPerDay: '2.5', fallbackToRules: false }), qwenPilot, providers)
    expect(built.patch).toEqual({ budget: { tokensPerDay: 3_000_000, usdPerDay: 2.5 }, fallbackToRules: false })
    expect(patchFromForm(edit(qwenPilot, { tokensPerDay: '1,000,000' }), qwenPilot, providers).patch).toEqual({ budget: { tokensPerDay: 1_000_000, usdPerDay: 5 } })
  })

  it('always builds a patch the contract accepts, or none', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -10, max: 2_000 }).map(String), fc.double({ min: -1, max: 1_500, noNaN: true }).map(String))
    fc.assert(
      fc.property(text, text, text, fc.string({ maxLength: 90 }), fc.subarray(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT']), (cadenceMinutes, tokensPerDay, usdPerDay, name, symbols) => {
        const built = patchFromForm(edit(qwenPilot, { cadenceMinutes, tokensPerDay, usdPerDay, name, symbols }), qwenPilot, providers)
        if (built.patch) expect(PilotPatchSchema.safeParse(built.patch).success).toBe(true)
        else expect(Object.keys(built.problems.fields).length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('pilot settings helpers', () => {
  it('lists the roles of each pipeline in the order they are asked', () => {
    expect(pipelineRoles('solo')).toEqual(['trader'])
    expect(pipelineRoles('desk')).toHaveLength(9)
    expect(pipelineRoles('desk').at(-1)).toBe('risk_officer')
  })

  it('writes minutes without trailing zeros', () => {
    expect(minutesText(180_000)).toBe('3')
    expect(minutesText(90_000)).toBe('1.5')
    expect(minutesText(10_000)).toBe('0.1667')
  })

  it('toggles symbols in the venue order, keeping unlisted ones first', () => {
    const catalog = ['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT']
    expect(toggleSymbol(['SOL/USDT:USDT'], 'BTC/USDT:USDT', catalog)).toEqual(['BTC/USDT:USDT', 'SOL/USDT:USDT'])
    expect(toggleSymbol(['BTC/USDT:USDT', 'SOL/USDT:USDT'], 'BTC/USDT:USDT', catalog)).toEqual(['SOL/USDT:USDT'])
    expect(toggleSymbol(['OLD/USDT:USDT', 'ETH/USDT:USDT'], 'BTC/USDT:USDT', catalog)).toEqual(['OLD/USDT:USDT', 'BTC/USDT:USDT', 'ETH/USDT:USDT'])
  })

  it('names the providers the pilot would call without a key', () => {
    const statuses: ProviderStatus[] = [
      { provider: RULES_PROVIDER, keyStored: false, needsKey: false },
      { provider: qwen, keyStored: false, needsKey: true },
      { provider: local, keyStored: false, needsKey: false },
    ]
    expect(providersWithoutKey(formFromPilot(qwenPilot), statuses).map((p) => p.provider.id)).toEqual(['qwen'])
    expect(providersWithoutKey(formFromPilot(rulesPilot), statuses)).toEqual([])
    // An override of a role outside the pipeline calls nothing.
    const solo = edit(rulesPilot, { pipeline: 'solo', roleModels: { news_collector: { providerId: 'qwen', model: 'qwen-turbo' } } })
    expect(providersWithoutKey(solo, statuses)).toEqual([])
    expect(providersWithoutKey(formFromPilot(qwenPilot), null)).toEqual([])
  })

  it('tells whether the budget matters and whether today already reaches it', () => {
    expect(callsModels(formFromPilot(rulesPilot))).toBe(false)
    expect(callsModels(formFromPilot(qwenPilot))).toBe(true)
    expect(callsModels(edit(rulesPilot, { roleModels: { trader: { providerId: 'qwen', model: 'qwen-max' } } }))).toBe(true)
    const form = formFromPilot(qwenPilot)
    expect(budgetReached(form, { tokens: 10, usd: 0.01 })).toBe(false)
    expect(budgetReached({ ...form, usdPerDay: '0.01' }, { tokens: 10, usd: 0.01 })).toBe(true)
    expect(budgetReached({ ...form, tokensPerDay: 'abc' }, { tokens: 10, usd: 0 })).toBe(false)
  })

  it('encodes a model choice as one select value and back, even with slashes and colons in the model', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/), fc.string({ minLength: 1, maxLength: 120 }), (providerId, model) => {
        expect(refFromKey(refKey({ providerId, model }))).toEqual({ providerId, model })
      }),
    )
    expect(refFromKey('')).toBeNull()
    expect(refFromKey('qwen::')).toBeNull()
  })
})
