import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfigChange } from '../../trading/risk-config-diff'
import type { FieldIssue } from '../../trading/risk-config-form'

interface SymbolListFieldProps {
  path: 'allowSymbols' | 'denySymbols'
  value: string
  changes: readonly ConfigChange[]
  issue: FieldIssue | undefined
  disabled: boolean
  onChange(value: string): void
}

/** An allow or deny list: one symbol per line (commas work too), with what was added or removed. */
export function SymbolListField({ path, value, changes, issue, disabled, onChange }: SymbolListFieldProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const mine = changes.filter((c) => c.path === path)
  return (
    <div className={issue ? 'risk-row risk-row-wide has-issue' : 'risk-row risk-row-wide'} data-testid={`risk-field-${path}`}>
      <div className="risk-row-text">
        <label className="risk-label" htmlFor={id}>
          {t(`risk.fields.${path}.label`)}
        </label>
        <p className="risk-hint">{t(`risk.fields.${path}.hint`)}</p>
      </div>
      <div className="risk-row-control">
        <textarea id={id} className="input risk-symbols" rows={3} value={value} disabled={disabled} spellCheck={false} placeholder={t('risk.symbolsPlaceholder')} onChange={(e) => onChange(e.target.value)} />
        {issue && <p className="risk-issue">{t(`risk.issues.${issue.key}`, issue.values ?? {})}</p>}
        {mine.map((c, i) => (
          <p key={i} className={`risk-change change-${c.direction}`}>
            {c.to !== null ? `+ ${c.to}` : `− ${c.from}`} · {t(`risk.direction.${c.direction}`)}
          </p>
        ))}
      </div>
    </div>
  )
}
