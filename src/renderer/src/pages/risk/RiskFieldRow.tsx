import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { RiskConfig } from '../../../../shared/domain/risk'
import type { ConfigChange } from '../../trading/risk-config-diff'
import { readField, type FieldIssue, type RiskFieldSpec } from '../../trading/risk-config-form'
import { formatRiskValue } from './format-risk-value'

interface RiskFieldRowProps {
  field: RiskFieldSpec
  value: string
  base: RiskConfig
  change: ConfigChange | undefined
  issue: FieldIssue | undefined
  disabled: boolean
  onChange(value: string): void
}

/** Label and what the rule does on the left; the input with its unit, the old value and the direction of the change on the right. */
export function RiskFieldRow({ field, value, base, change, issue, disabled, onChange }: RiskFieldRowProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className={issue ? 'risk-row has-issue' : change ? 'risk-row is-changed' : 'risk-row'} data-testid={`risk-field-${field.path}`}>
      <div className="risk-row-text">
        <label className="risk-label" htmlFor={id}>
          {t(`risk.fields.${field.path}.label`)}
        </label>
        <p className="risk-hint" id={`${id}-hint`}>
          {t(`risk.fields.${field.path}.hint`)}
        </p>
      </div>
      <div className="risk-row-control">
        <div className="risk-input-wrap">
          <input
            id={id}
            className="input risk-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={disabled}
            aria-invalid={issue ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="risk-unit">{t(`risk.units.${field.unit}`)}</span>
        </div>
        {issue && (
          <p className="risk-issue" role="alert">
            {t(`risk.issues.${issue.key}`, issue.values ?? {})}
          </p>
        )}
        {change && !issue && (
          <p className={`risk-change change-${change.direction}`}>
            {t('risk.was', { value: formatRiskValue(field.path, readField(base, field.path)) })} · {t(`risk.direction.${change.direction}`)}
          </p>
        )}
      </div>
    </div>
  )
}
