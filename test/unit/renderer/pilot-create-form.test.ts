import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NewPilotSchema } from '../../../src/shared/contract/domains/pilots'
import type { ModelProvider } from '../../../src/shared/domain/agents/model'
import { PilotIdSchema } from '../../../src/shared/domain/agents/pilot'
import { QWEN_INTL_PRESET, RULES_PROVIDER } from '../../../src/shared/domain/agents/provider-presets'
import {
  changeNewPilotVenue,
  defaultVenue,
  editNewPilotId,
  newPilotForm,
  newPilotFromForm,
  parseStartingBalance,
  pilotIdFromName,
  pilotIdProblem,
  renameNewPilot,
  type NewPilotContext,
  type NewPilotForm,
} from '../../../src/renderer/src/stores/pilot-editor-create'

const qwen: ModelProvider = { ...QWEN_INTL_PRESET, models: ['qwen-turbo', 'qwen-max'] }
const providers = [RULES_PROVIDER, qwen]
const TAKEN = ['rules', 'deepseek', 'qwen']
const context: NewPilotContext = { providers, venues: ['sim', 'okx'], taken: TAKEN }

/** What the trader fills in for the e2e's pilot: a rules pilot on ETH alone, mean reversion every 5 minutes, 2,500 USDT. */
function ethReversion(): NewPilotForm {
  const named = renameNewPilot(newPilotForm(), 'ETH reversion', TAKEN)
  return { ...named, strategy: 'mean_reversion', symbols: ['ETH/USDT:USDT'], cadenceMinutes: '5', startingBalance: '2,500' }
}

describe('a new pilot id from its name', () => {
  it('lowercases and joins words with one dash', () => {
    expect(pilotIdFromName('ETH reversion', TAKEN)).toBe('eth-reversion')
    expect(pilotIdFromName('  Qwen_Desk  #2 ', TAKEN)).toBe('qwen-desk-2')
    expect(pilotIdFromName('--Breakout!!--', TAKEN)).toBe('breakout')
  })

  it('drops accents rather than the letters they sit on', () => {
    expect(pilotIdFromName('Café Momentum', TAKEN)).toBe('cafe-momentum')
    expect(pilotIdFromName('Žluťoučký kůň', TAKEN)).toBe('zlutoucky-kun')
  })

  it('gives "pilot" to a name with no Latin letter or digit, and nothing to an empty name', () => {
    expect(pilotIdFromName('均值回归', TAKEN)).toBe('pilot')
    expect(pilotIdFromName('均值回归 BTC', TAKEN)).toBe('btc')
    expect(pilotIdFromName('   ', TAKEN)).toBe('')
  })

  it('numbers an id that is taken', () => {
    expect(pilotIdFromName('Rules', TAKEN)).toBe('rules-2')
    expect(pilotIdFromName('Rules', [...TAKEN, 'rules-2', 'rules-3'])).toBe('rules-4')
  })

  it('keeps within 40 characters, with room for the number, and never ends on a dash', () => {
    const long = 'A very long pilot name that goes on and on and on'
    const id = pilotIdFromName(long, TAKEN)
    expect(id).toBe('a-very-long-pilot-name-that-goes-on-and')
    const second = pilotIdFromName(long, [...TAKEN, id])
    expect(second.length).toBeLessThanOrEqual(40)
    expect(second).toBe('a-very-long-pilot-name-that-goes-on-an-2')
    // Cut where a dash would end the id, the dash goes too: first at 40 characters, then to make room for the number.
    expect(pilotIdFromName('abcdefghij abcdefghij abcdefghij abcdef xyz', TAKEN)).toBe('abcdefghij-abcdefghij-abcdefghij-abcdef')
    const stem = pilotIdFromName('abcdefghij abcdefghij abcdefghij abcd xy', TAKEN)
    expect(stem).toBe('abcdefghij-abcdefghij-abcdefghij-abcd-xy')
    expect(pilotIdFromName('abcdefghij abcdefghij abcdefghij abcd xy', [stem])).toBe('abcdefghij-abcdefghij-abcdefghij-abcd-2')
  })

  it('always gives an id the contract takes and no pilot has, for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/), { maxLength: 20 }), (name, taken) => {
        const id = pilotIdFromName(name, taken)
        if (name.trim() === '') return id === ''
        return PilotIdSchema.safeParse(id).success && !taken.includes(id)
      }),
    )
  })
})

describe('checking a typed id', () => {
  it("accepts the contract's ids that no pilot has", () => {
    expect(pilotIdProblem('eth-reversion', TAKEN)).toBeNull()
    expect(pilotIdProblem('a', TAKEN)).toBeNull()
    expect(pilotIdProblem('x_1-2', TAKEN)).toBeNull()
  })

  it('refuses capitals, spaces, a leading dash, an empty id and more than 40 characters', () => {
    for (const id of ['ETH', 'eth reversion', '-eth', '_eth', '', 'a'.repeat(41), 'éth']) expect(pilotIdProblem(id, TAKEN)).toBe('idRule')
    expect(pilotIdProblem('a'.repeat(40), TAKEN)).toBeNull()
  })

  it('refuses an id another pilot has', () => {
    expect(pilotIdProblem('qwen', TAKEN)).toBe('idTaken')
  })
})

describe('the new pilot form', () => {
  it('starts as a free rules pilot on the simulator with 10,000 USDT and no symbol', () => {
    const form = newPilotForm()
    expect(form).toMatchObject({ id: '', idEdited: false, venue: 'sim', startingBalance: '10000', pipeline: 'solo', model: { providerId: 'rules' }, symbols: [], cadenceMinutes: '3' })
  })

  it('derives the id from the name until the trader types one', () => {
    let form = renameNewPilot(newPilotForm(), 'ETH', TAKEN)
    form = renameNewPilot(form, 'ETH reversion', TAKEN)
    expect(form.id).toBe('eth-reversion')
    form = editNewPilotId(form, 'eth-mr')
    form = renameNewPilot(form, 'ETH mean reversion', TAKEN)
    expect(form).toMatchObject({ name: 'ETH mean reversion', id: 'eth-mr', idEdited: true })
  })

  it('drops the symbols when the venue changes, since another venue lists other markets', () => {
    const form = { ...newPilotForm(), symbols: ['ETH/USDT:USDT'] }
    expect(changeNewPilotVenue(form, 'sim')).toBe(form)
    expect(changeNewPilotVenue(form, 'okx')).toMatchObject({ venue: 'okx', symbols: [] })
  })

  it("defaults to the simulator, or to the kernel's first venue when it has none", () => {
    expect(defaultVenue(null)).toBe('sim')
    expect(defaultVenue(['okx', 'sim'])).toBe('sim')
    expect(defaultVenue(['okx', 'binance'])).toBe('okx')
  })

  it('reads the deposit with grouping commas, and refuses nothing, zero, negatives, text and more than a billion', () => {
    expect(parseStartingBalance('2,500')).toBe(2500)
    expect(parseStartingBalance(' 1000000000 ')).toBe(1e9)
    expect(parseStartingBalance('0.5')).toBe(0.5)
    for (const text of ['', '0', '-5', 'ten', '1e10', '1,000,000,001']) expect(parseStartingBalance(text)).toBeNull()
  })
})

describe('a new pilot from the form', () => {
  it('maps the e2e pilot to exactly what pilots.create takes', () => {
    const built = newPilotFromForm(ethReversion(), context)
    expect(built.problems).toEqual({ fields: {}, roles: {} })
    expect(built.pilot).toEqual({
      id: 'eth-reversion',
      name: 'ETH reversion',
      pipeline: 'solo',
      // The rules model is named after the strategy, as an edited pilot's is.
      model: { providerId: 'rules', model: 'mean_reversion' },
      roleModels: {},
      strategy: 'mean_reversion',
      fallbackToRules: true,
      venue: 'sim',
      symbols: ['ETH/USDT:USDT'],
      cadenceMs: 300_000,
      budget: { tokensPerDay: 3_000_000, usdPerDay: 5 },
      startingBalance: 2500,
    })
    expect(NewPilotSchema.safeParse(built.pilot).success).toBe(true)
  })

  it('names every missing piece of a fresh form and sends nothing', () => {
    const built = newPilotFromForm(newPilotForm(), context)
    expect(built.pilot).toBeNull()
    expect(built.problems.fields).toEqual({ name: 'nameRequired', id: 'idRule', symbols: 'symbolsNone' })
  })

  it('refuses an id another pilot has, a venue the kernel does not list and a deposit it would refuse', () => {
    const form: NewPilotForm = { ...editNewPilotId(ethReversion(), 'rules'), venue: 'kraken', startingBalance: '0' }
    const built = newPilotFromForm(form, context)
    expect(built.pilot).toBeNull()
    expect(built.problems.fields).toEqual({ id: 'idTaken', venue: 'venueUnknown', startingBalance: 'balance' })
  })

  it('leaves the venue to the kernel while the venue list loads', () => {
    const built = newPilotFromForm({ ...ethReversion(), venue: 'okx' }, { ...context, venues: null })
    expect(built.pilot?.venue).toBe('okx')
  })

  it('trims the typed id, and checks a typed id by the contract’s rule', () => {
    expect(newPilotFromForm(editNewPilotId(ethReversion(), ' eth-mr '), context).pilot?.id).toBe('eth-mr')
    expect(newPilotFromForm(editNewPilotId(ethReversion(), 'ETH MR'), context).problems.fields.id).toBe('idRule')
  })

  it('keeps a model pilot’s role models for the roles its pipeline asks, and checks them against the providers', () => {
    const desk: NewPilotForm = {
      ...ethReversion(),
      pipeline: 'solo',
      model: { providerId: 'qwen', model: 'qwen-turbo' },
      roleModels: { trader: { providerId: 'qwen', model: 'qwen-max' }, bull_analyst: { providerId: 'qwen', model: 'qwen-max' } },
    }
    const built = newPilotFromForm(desk, context)
    // Solo asks the trader alone: the bull analyst's model would be stored and never used.
    expect(built.pilot?.roleModels).toEqual({ trader: { providerId: 'qwen', model: 'qwen-max' } })
    expect(built.pilot?.model).toEqual({ providerId: 'qwen', model: 'qwen-turbo' })

    const unknown = newPilotFromForm({ ...desk, roleModels: { trader: { providerId: 'qwen', model: 'qwen-ultra' } } }, context)
    expect(unknown.pilot).toBeNull()
    expect(unknown.problems.roles).toEqual({ trader: 'modelUnknown' })
  })

  it('shares the edit form’s checks: cadence, budget and name', () => {
    const form: NewPilotForm = { ...ethReversion(), name: 'x'.repeat(81), cadenceMinutes: '0.1', tokensPerDay: '1.5', usdPerDay: '-1' }
    expect(newPilotFromForm(form, context).problems.fields).toEqual({ name: 'nameTooLong', cadenceMinutes: 'cadence', tokensPerDay: 'tokens', usdPerDay: 'usd' })
  })

  it('only ever builds input the contract accepts', () => {
    const text = fc.oneof(fc.constantFrom('', '0', '5', '2,500', '1e9', '-1', 'abc', '0.1667', '1440'), fc.string({ maxLength: 8 }))
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), fc.string({ maxLength: 45 }), text, text, text, fc.constantFrom('sim', 'okx', 'kraken'), (name, id, cadence, balance, usd, venue) => {
        const form: NewPilotForm = { ...ethReversion(), name, venue, cadenceMinutes: cadence, startingBalance: balance, usdPerDay: usd }
        const built = newPilotFromForm(id === '' ? form : editNewPilotId(form, id), context)
        return built.pilot === null ? Object.keys(built.problems.fields).length > 0 : NewPilotSchema.safeParse(built.pilot).success
      }),
    )
  })
})
