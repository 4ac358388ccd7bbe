import { formatQuantity } from '../../format/numbers'
import { RISK_FIELDS, type RiskUnit } from '../../trading/risk-config-form'

const UNIT_OF = new Map<string, RiskUnit>(RISK_FIELDS.map((f) => [f.path, f.unit]))

/** A config value as the form shows it: times in seconds, percents with %, leverage with ×. */
export function formatRiskValue(path: string, value: number | string | null): string {
  if (value === null) return '∅'
  if (typeof value === 'string') return value
  switch (UNIT_OF.get(path)) {
    case 'seconds':
      return `${formatQuantity(value / 1000, 3)} s`
    case 'pct':
      return `${formatQuantity(value, 4)}%`
    case 'leverage':
      return `${formatQuantity(value, 2)}×`
    default:
      return formatQuantity(value, 6)
  }
}
