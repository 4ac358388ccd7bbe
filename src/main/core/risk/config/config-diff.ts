import type { RiskConfig } from '../../../../shared/domain/risk'

/** Loosening a rule lets riskier orders through and is a risky action needing approval. */
export type ChangeDirection = 'loosening' | 'tightening'

export interface RiskConfigChange {
  /** The field, dotted for breakers ('breakers.peakDrawdownPct'). */
  readonly path: string
  /** Old and new value; for a symbol list, the one symbol added (to) or removed (from). */
  readonly from: number | string | null
  readonly to: number | string | null
  readonly direction: ChangeDirection
  readonly summary: string
}

type Sense = 'higher_is_looser' | 'higher_is_tighter'
type NumericField = Exclude<keyof RiskConfig, 'version' | 'allowSymbols' | 'denySymbols' | 'breakers'>

// Typed as complete records so that a new config field fails to compile
// until someone decides which way it loosens.
const FIELDS: Record<NumericField, Sense> = {
  maxOrderNotional: 'higher_is_looser',
  maxOrderEquityPct: 'higher_is_looser',
  maxPositionNotional: 'higher_is_looser',
  maxGrossExposure: 'higher_is_looser',
  maxLeverage: 'higher_is_looser',
  priceBandPct: 'higher_is_looser',
  slippageTolerancePct: 'higher_is_looser',
  maxOrdersPerSecond: 'higher_is_looser',
  // A longer window catches more repeats.
  duplicateWindowMs: 'higher_is_tighter',
  staleAfterMs: 'higher_is_looser',
  approvalNotional: 'higher_is_looser',
}

const BREAKER_FIELDS: Record<keyof RiskConfig['breakers'], Sense> = {
  dailyDrawdownPct: 'higher_is_looser',
  peakDrawdownPct: 'higher_is_looser',
  maxConsecutiveLosses: 'higher_is_looser',
  apiErrorRatePct: 'higher_is_looser',
  volatilityPctPerMinute: 'higher_is_looser',
  disconnectMs: 'higher_is_looser',
}

/** Every rule change between two configs, each marked loosening or tightening. The version is not a rule. */
export function diffRiskConfig(before: RiskConfig, after: RiskConfig): RiskConfigChange[] {
  const changes: RiskConfigChange[] = []
  for (const field of Object.keys(FIELDS) as NumericField[]) numeric(field, before[field], after[field], FIELDS[field], changes)
  for (const field of Object.keys(BREAKER_FIELDS) as (keyof RiskConfig['breakers'])[]) {
    numeric(`breakers.${field}`, before.breakers[field], after.breakers[field], BREAKER_FIELDS[field], changes)
  }
  allowList(before.allowSymbols, after.allowSymbols, changes)
  denyList(before.denySymbols, after.denySymbols, changes)
  return changes
}

/** True when any change loosens a rule. */
export function isLoosening(changes: readonly RiskConfigChange[]): boolean {
  return changes.some((c) => c.direction === 'loosening')
}

function numeric(path: string, from: number, to: number, sense: Sense, out: RiskConfigChange[]): void {
  if (from === to) return
  const looser = (to > from) === (sense === 'higher_is_looser')
  const direction: ChangeDirection = looser ? 'loosening' : 'tightening'
  out.push({ path, from, to, direction, summary: `${path} ${from} → ${to} (${direction})` })
}

// An empty allow list allows every symbol, so the first entry tightens and
// clearing the list loosens; between two non-empty lists, each symbol added loosens.
function allowList(from: readonly string[], to: readonly string[], out: RiskConfigChange[]): void {
  if (from.length === 0 && to.length === 0) return
  if (from.length === 0) {
    out.push({ path: 'allowSymbols', from: null, to: to.join(', '), direction: 'tightening', summary: `allow list introduced: only ${to.length} symbols may trade (tightening)` })
    return
  }
  if (to.length === 0) {
    out.push({ path: 'allowSymbols', from: from.join(', '), to: null, direction: 'loosening', summary: 'allow list cleared: every symbol may trade (loosening)' })
    return
  }
  for (const symbol of added(from, to)) out.push({ path: 'allowSymbols', from: null, to: symbol, direction: 'loosening', summary: `${symbol} allowed (loosening)` })
  for (const symbol of added(to, from)) out.push({ path: 'allowSymbols', from: symbol, to: null, direction: 'tightening', summary: `${symbol} no longer allowed (tightening)` })
}

function denyList(from: readonly string[], to: readonly string[], out: RiskConfigChange[]): void {
  for (const symbol of added(from, to)) out.push({ path: 'denySymbols', from: null, to: symbol, direction: 'tightening', summary: `${symbol} denied (tightening)` })
  for (const symbol of added(to, from)) out.push({ path: 'denySymbols', from: symbol, to: null, direction: 'loosening', summary: `${symbol} no longer denied (loosening)` })
}

function added(from: readonly string[], to: readonly string[]): string[] {
  const had = new Set(from)
  return [...new Set(to)].filter((s) => !had.has(s))
}
