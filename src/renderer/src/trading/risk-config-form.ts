import { RiskConfigSchema, type RiskConfig } from '../../../shared/domain/risk'
import { parseDecimal } from './ticket-form'

// The Risk page's form as pure functions: every RiskConfig field, grouped,
// with its unit and bounds (mirroring the shared schema, which also runs as
// a backstop), converted between the config and the strings of the inputs.

type NumericField = Exclude<keyof RiskConfig, 'version' | 'allowSymbols' | 'denySymbols' | 'breakers'>
type BreakerField = keyof RiskConfig['breakers']
export type RiskFieldPath = NumericField | `breakers.${BreakerField}`
export type RiskFormKey = RiskFieldPath | 'allowSymbols' | 'denySymbols'

export type RiskGroup = 'limits' | 'symbols' | 'bands' | 'rate' | 'breakers'
export const RISK_GROUPS: readonly RiskGroup[] = ['limits', 'bands', 'rate', 'breakers', 'symbols']

/** How a value is typed: quote-currency amounts, percents, a leverage, counts, or times (typed in seconds, stored in ms). */
export type RiskUnit = 'quote' | 'pct' | 'leverage' | 'perSecond' | 'count' | 'seconds'

export interface RiskFieldSpec {
  path: RiskFieldPath
  group: Exclude<RiskGroup, 'symbols'>
  unit: RiskUnit
  min: number
  max: number | null
  /** True when the minimum itself is not allowed (the schema's positive()). */
  minExclusive: boolean
  integer: boolean
}

const spec = (path: RiskFieldPath, group: RiskFieldSpec['group'], unit: RiskUnit, min: number, max: number | null, minExclusive: boolean, integer = false): RiskFieldSpec => ({
  path,
  group,
  unit,
  min,
  max,
  minExclusive,
  integer,
})

export const RISK_FIELDS: readonly RiskFieldSpec[] = [
  spec('maxOrderNotional', 'limits', 'quote', 0, null, true),
  spec('maxOrderEquityPct', 'limits', 'pct', 0, 100, false),
  spec('maxPositionNotional', 'limits', 'quote', 0, null, true),
  spec('maxGrossExposure', 'limits', 'quote', 0, null, true),
  spec('maxLeverage', 'limits', 'leverage', 1, 125, false),
  spec('approvalNotional', 'limits', 'quote', 0, null, true),
  spec('priceBandPct', 'bands', 'pct', 0, 100, false),
  spec('slippageTolerancePct', 'bands', 'pct', 0, 100, false),
  spec('staleAfterMs', 'bands', 'seconds', 0, null, true),
  spec('maxOrdersPerSecond', 'rate', 'perSecond', 0, null, true),
  spec('duplicateWindowMs', 'rate', 'seconds', 0, null, false),
  spec('breakers.dailyDrawdownPct', 'breakers', 'pct', 0, 100, false),
  spec('breakers.peakDrawdownPct', 'breakers', 'pct', 0, 100, false),
  spec('breakers.maxConsecutiveLosses', 'breakers', 'count', 0, null, true, true),
  spec('breakers.apiErrorRatePct', 'breakers', 'pct', 0, 100, false),
  spec('breakers.volatilityPctPerMinute', 'breakers', 'pct', 0, 100, false),
  spec('breakers.disconnectMs', 'breakers', 'seconds', 0, null, true),
]

export interface RiskForm {
  values: Record<RiskFieldPath, string>
  /** One symbol per line or comma-separated, as the trader types them. */
  allowSymbols: string
  denySymbols: string
}

export interface FieldIssue {
  key: 'required' | 'number' | 'above' | 'atLeast' | 'atMost' | 'integer' | 'symbols' | 'invalid'
  values?: Record<string, string | number>
}

export type FormIssues = Partial<Record<RiskFormKey, FieldIssue>>

export function readField(config: RiskConfig, path: RiskFieldPath): number {
  if (path.startsWith('breakers.')) return config.breakers[path.slice('breakers.'.length) as BreakerField]
  return config[path as NumericField]
}

/** Times are typed in seconds: "30" rather than "30000". */
export function toInputValue(unit: RiskUnit, value: number): string {
  return unit === 'seconds' ? String(value / 1000) : String(value)
}

export function formFromConfig(config: RiskConfig): RiskForm {
  const values = {} as Record<RiskFieldPath, string>
  for (const field of RISK_FIELDS) values[field.path] = toInputValue(field.unit, readField(config, field.path))
  return { values, allowSymbols: config.allowSymbols.join('\n'), denySymbols: config.denySymbols.join('\n') }
}

export function parseSymbols(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))]
}

/** The config the form describes (on `base`'s version), or the issues per field that stop it. */
export function configFromForm(form: RiskForm, base: RiskConfig): { config: RiskConfig | null; issues: FormIssues } {
  const issues: FormIssues = {}
  const next: RiskConfig = { ...base, breakers: { ...base.breakers } }
  for (const field of RISK_FIELDS) {
    const parsed = parseField(field, form.values[field.path])
    if ('issue' in parsed) issues[field.path] = parsed.issue
    else writeField(next, field.path, parsed.value)
  }
  next.allowSymbols = parseSymbols(form.allowSymbols)
  next.denySymbols = parseSymbols(form.denySymbols)
  for (const key of ['allowSymbols', 'denySymbols'] as const) if (next[key].length > 500) issues[key] = { key: 'symbols', values: { max: 500 } }

  // The shared schema has the last word, so nothing the kernel would refuse on shape reaches it.
  if (Object.keys(issues).length === 0) {
    const checked = RiskConfigSchema.safeParse(next)
    if (!checked.success) for (const issue of checked.error.issues) issues[issue.path.join('.') as RiskFormKey] ??= { key: 'invalid', values: { message: issue.message } }
  }
  return { config: Object.keys(issues).length === 0 ? next : null, issues }
}

function parseField(field: RiskFieldSpec, text: string): { value: number } | { issue: FieldIssue } {
  const number = parseDecimal(text)
  if (number === null) return { issue: { key: 'required' } }
  if (Number.isNaN(number)) return { issue: { key: 'number' } }
  if (field.minExclusive ? !(number > field.min) : number < field.min) return { issue: { key: field.minExclusive ? 'above' : 'atLeast', values: { min: field.min } } }
  if (field.max !== null && number > field.max) return { issue: { key: 'atMost', values: { max: field.max } } }
  if (field.integer && !Number.isInteger(number)) return { issue: { key: 'integer' } }
  const value = field.unit === 'seconds' ? Math.round(number * 1000) : number
  if (field.unit === 'seconds' && field.minExclusive && value <= 0) return { issue: { key: 'above', values: { min: 0 } } }
  return { value }
}

function writeField(config: RiskConfig, path: RiskFieldPath, value: number): void {
  if (path.startsWith('breakers.')) config.breakers[path.slice('breakers.'.length) as BreakerField] = value
  else config[path as NumericField] = value
}

/** True when the form holds exactly what `config` says (after the same parsing), i.e. nothing to save. */
export function sameAsConfig(form: RiskForm, config: RiskConfig): boolean {
  const { config: parsed } = configFromForm(form, config)
  return parsed !== null && JSON.stringify(parsed) === JSON.stringify(config)
}
