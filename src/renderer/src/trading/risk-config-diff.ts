import type { RiskConfig } from '../../../shared/domain/risk'
import type { RiskFormKey } from './risk-config-form'

// A display copy of the kernel's diff rules (core/risk/config/config-diff.ts):
// the confirmation lists what changes and marks what loosens. The kernel
// computes its own diff on save and alone decides what needs approval.

export type ChangeDirection = 'loosening' | 'tightening'

export interface ConfigChange {
  /** The field, dotted for breakers ('breakers.peakDrawdownPct'). */
  path: RiskFormKey
  /** Old and new value; for a symbol list, the one symbol added (to) or removed (from), or the whole list. */
  from: number | string | null
  to: number | string | null
  direction: ChangeDirection
}

type Sense = 'higher_is_looser' | 'higher_is_tighter'
type NumericField = Exclude<keyof RiskConfig, 'version' | 'allowSymbols' | 'denySymbols' | 'breakers'>

// Complete records: a new config field fails to compile until its direction is decided here too.
export const FIELD_SENSE: Record<NumericField, Sense> = {
  maxOrderNotional: 'higher_is_looser',
  maxOrderEquityPct: 'higher_is_looser',
  maxPositionNotional: 'higher_is_looser',
  maxGrossExposure: 'higher_is_looser',
  maxLeverage: 'higher_is_looser',
  priceBandPct: 'higher_is_looser',
  slippageTolerancePct: 'higher_is_looser',
  maxOrdersPerSecond: 'higher_is_looser',
  duplicateWindowMs: 'higher_is_tighter', // a longer window catches more repeats
  staleAfterMs: 'higher_is_looser',
  approvalNotional: 'higher_is_looser',
}

export const BREAKER_SENSE: Record<keyof RiskConfig['breakers'], Sense> = {
  dailyDrawdownPct: 'higher_is_looser',
  peakDrawdownPct: 'higher_is_looser',
  maxConsecutiveLosses: 'higher_is_looser',
  apiErrorRatePct: 'higher_is_looser',
  volatilityPctPerMinute: 'higher_is_looser',
  disconnectMs: 'higher_is_looser',
}

export function diffRiskConfig(before: RiskConfig, after: RiskConfig): ConfigChange[] {
  const out: ConfigChange[] = []
  for (const field of Object.keys(FIELD_SENSE) as NumericField[]) numeric(field, before[field], after[field], FIELD_SENSE[field], out)
  for (const field of Object.keys(BREAKER_SENSE) as (keyof RiskConfig['breakers'])[]) {
    numeric(`breakers.${field}` as const, before.breakers[field], after.breakers[field], BREAKER_SENSE[field], out)
  }
  allowList(before.allowSymbols, after.allowSymbols, out)
  denyList(before.denySymbols, after.denySymbols, out)
  return out
}

export const isLoosening = (changes: readonly ConfigChange[]): boolean => changes.some((c) => c.direction === 'loosening')

function numeric(path: RiskFormKey, from: number, to: number, sense: Sense, out: ConfigChange[]): void {
  if (from === to) return
  const looser = to > from === (sense === 'higher_is_looser')
  out.push({ path, from, to, direction: looser ? 'loosening' : 'tightening' })
}

// An empty allow list allows every symbol: its first entry tightens, clearing it loosens.
function allowList(from: readonly string[], to: readonly string[], out: ConfigChange[]): void {
  if (from.length === 0 && to.length === 0) return
  if (from.length === 0) return void out.push({ path: 'allowSymbols', from: null, to: to.join(', '), direction: 'tightening' })
  if (to.length === 0) return void out.push({ path: 'allowSymbols', from: from.join(', '), to: null, direction: 'loosening' })
  for (const symbol of added(from, to)) out.push({ path: 'allowSymbols', from: null, to: symbol, direction: 'loosening' })
  for (const symbol of added(to, from)) out.push({ path: 'allowSymbols', from: symbol, to: null, direction: 'tightening' })
}

function denyList(from: readonly string[], to: readonly string[], out: ConfigChange[]): void {
  for (const symbol of added(from, to)) out.push({ path: 'denySymbols', from: null, to: symbol, direction: 'tightening' })
  for (const symbol of added(to, from)) out.push({ path: 'denySymbols', from: symbol, to: null, direction: 'loosening' })
}

function added(from: readonly string[], to: readonly string[]): string[] {
  const had = new Set(from)
  return [...new Set(to)].filter((s) => !had.has(s))
}
