import type { z } from 'zod'
import type { ProviderStatus } from '../../../shared/contract/domains/models'
import { PilotPatchSchema } from '../../../shared/contract/domains/pilots'
import { RULES_PROVIDER_ID, type ModelProvider, type ModelRef } from '../../../shared/domain/agents/model'
import { PilotBudgetSchema, PilotConfigSchema, type PilotConfig, type RulesStrategy } from '../../../shared/domain/agents/pilot'
import { PIPELINES, type PipelineId, type RoleId } from '../../../shared/domain/agents/roles'
import { parseDecimal } from '../trading/ticket-form'

// The pilot settings dialog's form: what the trader edits, as text where it
// is typed, and the `pilots.update` patch built from it. Pure, so the
// mapping is unit-tested under Node. The patch carries only what changed, so
// the kernel's audit log says what the trader did, not the whole pilot. The
// same checks serve a new pilot (pilot-editor-create.ts adds its id, venue
// and starting balance).

export type PilotPatch = z.infer<typeof PilotPatchSchema>

export interface PilotForm {
  name: string
  pipeline: PipelineId
  /** The model of every role without an override. */
  model: ModelRef
  /** Overrides per role; a role absent here uses the main model ("same as main model"). */
  roleModels: Partial<Record<RoleId, ModelRef>>
  strategy: RulesStrategy
  fallbackToRules: boolean
  symbols: string[]
  /** Typed in minutes (what people think in), sent in milliseconds. */
  cadenceMinutes: string
  tokensPerDay: string
  usdPerDay: string
}

/** The last three are asked only when creating a pilot (pilot-editor-create.ts): they cannot change afterwards. */
export type PilotField = 'name' | 'model' | 'symbols' | 'cadenceMinutes' | 'tokensPerDay' | 'usdPerDay' | 'id' | 'venue' | 'startingBalance'
export type PilotProblem =
  | 'nameRequired'
  | 'nameTooLong'
  | 'providerUnknown'
  | 'modelUnknown'
  | 'symbolsNone'
  | 'symbolsTooMany'
  | 'cadence'
  | 'tokens'
  | 'usd'
  | 'idRule'
  | 'idTaken'
  | 'venueUnknown'
  | 'balance'

export interface PilotProblems {
  fields: Partial<Record<PilotField, PilotProblem>>
  /** Per role override whose provider or model is not configured. */
  roles: Partial<Record<RoleId, PilotProblem>>
}

export interface BuiltPatch {
  /** Null while anything has a problem: nothing is sent then. */
  patch: PilotPatch | null
  problems: PilotProblems
  /** Whether the patch changes anything; an empty patch is not worth a call. */
  changed: boolean
}

const NAME = PilotConfigSchema.shape.name
const CADENCE = PilotConfigSchema.shape.cadenceMs
const SYMBOLS = PilotConfigSchema.shape.symbols
export const MAX_PILOT_SYMBOLS = 10
const MS_PER_MINUTE = 60_000

/** The roles a pipeline asks, in the order it asks them. */
export function pipelineRoles(pipeline: PipelineId): RoleId[] {
  return PIPELINES[pipeline].map((step) => step.role)
}

/** 180000 → "3", 90000 → "1.5", 10000 → "0.1667": minutes without trailing zeros. */
export function minutesText(ms: number): string {
  return String(Number((ms / MS_PER_MINUTE).toFixed(4)))
}

export function formFromPilot(config: PilotConfig): PilotForm {
  return {
    name: config.name,
    pipeline: config.pipeline,
    model: { ...config.model },
    roleModels: Object.fromEntries(Object.entries(config.roleModels).map(([role, ref]) => [role, { ...ref }])),
    strategy: config.strategy,
    fallbackToRules: config.fallbackToRules,
    symbols: [...config.symbols],
    cadenceMinutes: minutesText(config.cadenceMs),
    tokensPerDay: String(config.budget.tokensPerDay),
    usdPerDay: String(config.budget.usdPerDay),
  }
}

/**
 * The rules provider answers with the pilot's strategy whatever model name
 * it is given; naming the strategy as its model keeps the leaderboard's
 * "rules/…" label true after the strategy changes.
 */
export function effectiveRef(ref: ModelRef, strategy: RulesStrategy): ModelRef {
  return ref.providerId === RULES_PROVIDER_ID ? { providerId: RULES_PROVIDER_ID, model: strategy } : ref
}

const sameRef = (a: ModelRef | undefined, b: ModelRef | undefined): boolean => a?.providerId === b?.providerId && a?.model === b?.model

function sameRoleModels(a: Partial<Record<RoleId, ModelRef>>, b: Partial<Record<RoleId, ModelRef>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as RoleId[])
  return [...keys].every((role) => sameRef(a[role], b[role]))
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i])

/** Typed minutes in milliseconds; NaN for text that is not a number (the cadence check refuses it). */
function cadenceFromText(text: string): number {
  const minutes = parseDecimal(text)
  return minutes === null || Number.isNaN(minutes) ? Number.NaN : Math.round(minutes * MS_PER_MINUTE)
}

/** The configured providers; null while they load (the kernel checks then). */
export type KnownProviders = readonly Pick<ModelProvider, 'id' | 'models'>[] | null

/** What is wrong with a model choice, judged against the configured providers (unknown until they load). */
function refProblem(ref: ModelRef, providers: KnownProviders): PilotProblem | null {
  if (!providers) return null
  const provider = providers.find((p) => p.id === ref.providerId)
  if (!provider) return 'providerUnknown'
  return provider.models.includes(ref.model) ? null : 'modelUnknown'
}

/**
 * Overrides of roles the chosen pipeline does not ask: they would be stored
 * and never used, so the patch leaves them out (the dialog says so).
 */
export function overridesOutsidePipeline(form: Pick<PilotForm, 'pipeline' | 'roleModels'>): RoleId[] {
  const asked = new Set(pipelineRoles(form.pipeline))
  return (Object.keys(form.roleModels) as RoleId[]).filter((role) => form.roleModels[role] && !asked.has(role))
}

/** The form's values as the contract has them, once every field reads right. */
export interface CheckedPilot {
  name: string
  pipeline: PipelineId
  model: ModelRef
  /** Only the roles the pipeline asks. */
  roleModels: Partial<Record<RoleId, ModelRef>>
  strategy: RulesStrategy
  fallbackToRules: boolean
  symbols: string[]
  cadenceMs: number
  budget: PilotConfig['budget']
}

export interface CheckedForm {
  /** Null while anything has a problem. */
  values: CheckedPilot | null
  problems: PilotProblems
}

/**
 * The fields an existing pilot and a new one share, checked against the
 * contract's own schemas. `storedCadenceMs` is the pilot's stored cadence
 * (null for a new pilot): its untouched text keeps it exactly, since
 * "0.1667" minutes must not turn 10,000 ms into 10,002.
 */
export function checkPilotForm(form: PilotForm, providers: KnownProviders, storedCadenceMs: number | null): CheckedForm {
  const fields: PilotProblems['fields'] = {}
  const roles: PilotProblems['roles'] = {}

  const name = form.name.trim()
  if (name === '') fields.name = 'nameRequired'
  else if (!NAME.safeParse(name).success) fields.name = 'nameTooLong'

  const model = effectiveRef(form.model, form.strategy)
  const modelProblem = refProblem(model, providers)
  if (modelProblem) fields.model = modelProblem

  const roleModels: Partial<Record<RoleId, ModelRef>> = {}
  for (const role of pipelineRoles(form.pipeline)) {
    const override = form.roleModels[role]
    if (!override) continue
    const ref = effectiveRef(override, form.strategy)
    const problem = refProblem(ref, providers)
    if (problem) roles[role] = problem
    roleModels[role] = ref
  }

  if (form.symbols.length === 0) fields.symbols = 'symbolsNone'
  else if (form.symbols.length > MAX_PILOT_SYMBOLS || !SYMBOLS.safeParse(form.symbols).success) fields.symbols = 'symbolsTooMany'

  const cadenceMs = storedCadenceMs !== null && form.cadenceMinutes.trim() === minutesText(storedCadenceMs) ? storedCadenceMs : cadenceFromText(form.cadenceMinutes)
  if (!CADENCE.safeParse(cadenceMs).success) fields.cadenceMinutes = 'cadence'

  const tokens = parseDecimal(form.tokensPerDay)
  if (tokens === null || !Number.isSafeInteger(tokens) || tokens < 0) fields.tokensPerDay = 'tokens'
  const usd = parseDecimal(form.usdPerDay)
  if (usd === null || !Number.isFinite(usd) || usd < 0) fields.usdPerDay = 'usd'

  const problems = { fields, roles }
  if (Object.keys(fields).length > 0 || Object.keys(roles).length > 0) return { values: null, problems }
  const budget = PilotBudgetSchema.parse({ tokensPerDay: tokens, usdPerDay: usd })
  return {
    values: { name, pipeline: form.pipeline, model, roleModels, strategy: form.strategy, fallbackToRules: form.fallbackToRules, symbols: [...form.symbols], cadenceMs, budget },
    problems,
  }
}

/**
 * The patch for `pilots.update`, or the problems that stop it. `providers`
 * is the configured list (null while it loads: the kernel checks then).
 */
export function patchFromForm(form: PilotForm, original: PilotConfig, providers: KnownProviders): BuiltPatch {
  const { values, problems } = checkPilotForm(form, providers, original.cadenceMs)
  if (!values) return { patch: null, problems, changed: false }

  const patch: PilotPatch = {}
  if (values.name !== original.name) patch.name = values.name
  if (values.pipeline !== original.pipeline) patch.pipeline = values.pipeline
  if (!sameRef(values.model, original.model)) patch.model = values.model
  if (!sameRoleModels(values.roleModels, original.roleModels)) patch.roleModels = values.roleModels
  if (values.strategy !== original.strategy) patch.strategy = values.strategy
  if (values.fallbackToRules !== original.fallbackToRules) patch.fallbackToRules = values.fallbackToRules
  if (!sameList(values.symbols, original.symbols)) patch.symbols = values.symbols
  if (values.cadenceMs !== original.cadenceMs) patch.cadenceMs = values.cadenceMs
  if (values.budget.tokensPerDay !== original.budget.tokensPerDay || values.budget.usdPerDay !== original.budget.usdPerDay) patch.budget = values.budget
  // The checks above mirror the contract; should they drift, the contract's verdict wins and nothing is sent.
  const parsed = PilotPatchSchema.safeParse(patch)
  if (!parsed.success) return { patch: null, problems: contractProblems(parsed.error.issues[0]?.path[0], problems.roles), changed: false }
  return { patch: parsed.data, problems, changed: Object.keys(parsed.data).length > 0 }
}

const CONTRACT_PROBLEM: Record<PilotField, PilotProblem> = {
  name: 'nameRequired',
  model: 'modelUnknown',
  symbols: 'symbolsNone',
  cadenceMinutes: 'cadence',
  tokensPerDay: 'tokens',
  usdPerDay: 'usd',
  id: 'idRule',
  venue: 'venueUnknown',
  startingBalance: 'balance',
}

/** The problem to show when the contract refuses what the form's own checks let through: on the field its issue path points at. */
export function contractProblems(key: PropertyKey | undefined, roles: PilotProblems['roles']): PilotProblems {
  const field = fieldOfPath(key)
  return { fields: { [field]: CONTRACT_PROBLEM[field] }, roles }
}

/** The form field a contract issue path points at. */
function fieldOfPath(key: PropertyKey | undefined): PilotField {
  switch (key) {
    case 'model':
    case 'roleModels':
      return 'model'
    case 'symbols':
      return 'symbols'
    case 'cadenceMs':
      return 'cadenceMinutes'
    case 'budget':
      return 'tokensPerDay'
    case 'id':
      return 'id'
    case 'venue':
      return 'venue'
    case 'startingBalance':
      return 'startingBalance'
    default:
      return 'name'
  }
}

/**
 * Adds or removes a symbol, keeping the venue's market order so the list
 * reads the same way each time; symbols the venue no longer lists stay first.
 */
export function toggleSymbol(symbols: readonly string[], symbol: string, catalog: readonly string[]): string[] {
  if (symbols.includes(symbol)) return symbols.filter((s) => s !== symbol)
  // indexOf is -1 for a symbol the venue no longer lists, and the sort is stable.
  return [...symbols, symbol].sort((a, b) => catalog.indexOf(a) - catalog.indexOf(b))
}

/**
 * Providers the form would call that need a key and have none: the pilot
 * would sit in "waiting for key" (or fall back to the rules) until one is added.
 */
export function providersWithoutKey(form: Pick<PilotForm, 'pipeline' | 'model' | 'roleModels'>, providers: readonly ProviderStatus[] | null): ProviderStatus[] {
  if (!providers) return []
  const used = new Set([form.model.providerId, ...pipelineRoles(form.pipeline).flatMap((role) => form.roleModels[role]?.providerId ?? [])])
  return providers.filter((p) => used.has(p.provider.id) && p.needsKey && !p.keyStored)
}

/** A model choice as one select value: a provider id never contains "::", so the first one splits it back. */
export const refKey = (ref: ModelRef): string => `${ref.providerId}::${ref.model}`

export function refFromKey(key: string): ModelRef | null {
  const at = key.indexOf('::')
  return at <= 0 || at + 2 >= key.length ? null : { providerId: key.slice(0, at), model: key.slice(at + 2) }
}

/** Whether any role of the chosen pipeline would call a model rather than the rules: only then does the budget matter. */
export function callsModels(form: Pick<PilotForm, 'pipeline' | 'model' | 'roleModels'>): boolean {
  return pipelineRoles(form.pipeline).some((role) => (form.roleModels[role] ?? form.model).providerId !== RULES_PROVIDER_ID)
}

/**
 * Whether today's spend already reaches the budget typed (the kernel's rule:
 * a pilot may call while under both limits). Unparsable text reaches nothing:
 * the field shows its own problem.
 */
export function budgetReached(form: Pick<PilotForm, 'tokensPerDay' | 'usdPerDay'>, spent: { tokens: number; usd: number }): boolean {
  const tokens = parseDecimal(form.tokensPerDay)
  const usd = parseDecimal(form.usdPerDay)
  const reached = (limit: number | null, used: number): boolean => limit !== null && Number.isFinite(limit) && used >= limit
  return reached(tokens, spent.tokens) || reached(usd, spent.usd)
}
