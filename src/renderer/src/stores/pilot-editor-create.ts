import type { z } from 'zod'
import { NewPilotSchema } from '../../../shared/contract/domains/pilots'
import { RULES_PROVIDER_ID } from '../../../shared/domain/agents/model'
import { PilotIdSchema } from '../../../shared/domain/agents/pilot'
import { parseDecimal } from '../trading/ticket-form'
import { checkPilotForm, contractProblems, minutesText, type KnownProviders, type PilotForm, type PilotProblem, type PilotProblems } from './pilot-editor-form'

// The pilot settings form in its "create" mode: the same fields as an
// existing pilot's, plus what is fixed at creation (the id, the venue and the
// paper account's deposit), and the `pilots.create` input built from it.
// Pure, so the mapping is unit-tested under Node.

/** What `pilots.create` receives once the contract has parsed it (the deposit filled in). */
export type NewPilotDraft = z.infer<typeof NewPilotSchema>

export interface NewPilotForm extends PilotForm {
  id: string
  /** False while the id follows the name; once the trader types an id it is theirs. */
  idEdited: boolean
  venue: string
  /** In the account's settlement currency (USDT), as typed. */
  startingBalance: string
}

export interface BuiltNewPilot {
  /** Null while anything has a problem: nothing is sent then. */
  pilot: NewPilotDraft | null
  problems: PilotProblems
}

export interface NewPilotContext {
  providers: KnownProviders
  /** The kernel's venue ids; null while they load (the kernel checks then). */
  venues: readonly string[] | null
  /** Ids of the pilots that exist: a new one needs its own. */
  taken: readonly string[]
}

/** The simulator: a new pilot trades there unless the trader picks a venue. */
export const DEFAULT_VENUE = 'sim'
export const DEFAULT_STARTING_BALANCE = NewPilotSchema.shape.startingBalance.parse(undefined)
const MAX_ID_LENGTH = 40
const MAX_BALANCE = 1e9
/** The seeded model pilots' daily budget: enough for a desk every few minutes, capped in money. */
const DEFAULT_BUDGET = { tokensPerDay: 3_000_000, usdPerDay: 5 }
const DEFAULT_CADENCE_MS = 3 * 60_000

/**
 * A new pilot starts as the free rules baseline on one cadence: nothing it
 * does costs money until the trader picks a model. No symbol is ticked: the
 * markets are the trader's deliberate choice.
 */
export function newPilotForm(venue: string = DEFAULT_VENUE): NewPilotForm {
  return {
    id: '',
    idEdited: false,
    venue,
    startingBalance: String(DEFAULT_STARTING_BALANCE),
    name: '',
    pipeline: 'solo',
    model: { providerId: RULES_PROVIDER_ID, model: 'trend_following' },
    roleModels: {},
    strategy: 'trend_following',
    fallbackToRules: true,
    symbols: [],
    cadenceMinutes: minutesText(DEFAULT_CADENCE_MS),
    tokensPerDay: String(DEFAULT_BUDGET.tokensPerDay),
    usdPerDay: String(DEFAULT_BUDGET.usdPerDay),
  }
}

/** 'sim' when the kernel has it, else its first venue; 'sim' while the list loads. */
export function defaultVenue(venues: readonly string[] | null): string {
  if (!venues || venues.length === 0 || venues.includes(DEFAULT_VENUE)) return DEFAULT_VENUE
  return venues[0]!
}

/**
 * An id from a pilot's name: "ETH reversion" → "eth-reversion". Accents are
 * dropped, anything else that is not a letter or a digit becomes one dash,
 * and "-2", "-3"… follow an id already taken. A name with no Latin letter or
 * digit (a Chinese name, say) gives "pilot"; an empty name gives "".
 */
export function pilotIdFromName(name: string, taken: readonly string[]): string {
  if (name.trim() === '') return ''
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '')
  const stem = slug === '' ? 'pilot' : slug
  const used = new Set(taken)
  if (!used.has(stem)) return stem
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${stem.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!used.has(candidate)) return candidate
  }
}

/** What is wrong with an id, if anything: the contract's rule, then uniqueness. */
export function pilotIdProblem(id: string, taken: readonly string[]): PilotProblem | null {
  if (!PilotIdSchema.safeParse(id).success) return 'idRule'
  return taken.includes(id) ? 'idTaken' : null
}

/** A new name; the id follows it until the trader has typed one of their own. */
export function renameNewPilot(form: NewPilotForm, name: string, taken: readonly string[]): NewPilotForm {
  return form.idEdited ? { ...form, name } : { ...form, name, id: pilotIdFromName(name, taken) }
}

/** The trader's own id, kept as typed (lowercase letters, digits, _ or -: the form says so when it is not). */
export function editNewPilotId(form: NewPilotForm, id: string): NewPilotForm {
  return { ...form, id, idEdited: true }
}

/** Another venue lists other markets: the symbols ticked on the previous one are dropped. */
export function changeNewPilotVenue(form: NewPilotForm, venue: string): NewPilotForm {
  return venue === form.venue ? form : { ...form, venue, symbols: [] }
}

/** The deposit typed, or null when it is not an amount the contract takes (above 0, at most a billion). */
export function parseStartingBalance(text: string): number | null {
  const amount = parseDecimal(text)
  return amount !== null && Number.isFinite(amount) && amount > 0 && amount <= MAX_BALANCE ? amount : null
}

/** The `pilots.create` input, or the problems that stop it. */
export function newPilotFromForm(form: NewPilotForm, context: NewPilotContext): BuiltNewPilot {
  const checked = checkPilotForm(form, context.providers, null)
  const fields = { ...checked.problems.fields }
  const id = form.id.trim()
  const idProblem = pilotIdProblem(id, context.taken)
  if (idProblem) fields.id = idProblem
  if (context.venues && !context.venues.includes(form.venue)) fields.venue = 'venueUnknown'
  const startingBalance = parseStartingBalance(form.startingBalance)
  if (startingBalance === null) fields.startingBalance = 'balance'

  const problems = { fields, roles: checked.problems.roles }
  if (!checked.values || Object.keys(fields).length > 0) return { pilot: null, problems }
  // The checks above mirror the contract; should they drift, the contract's verdict wins and nothing is sent.
  const parsed = NewPilotSchema.safeParse({ ...checked.values, id, venue: form.venue, startingBalance })
  if (!parsed.success) return { pilot: null, problems: contractProblems(parsed.error.issues[0]?.path[0], problems.roles) }
  return { pilot: parsed.data, problems }
}
