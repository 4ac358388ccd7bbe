import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RiskConfig } from '../../../../shared/domain/risk'
import { Card } from '../../components/Card'
import { PageHeader } from '../../components/PageHeader'
import { diffRiskConfig, isLoosening, type ConfigChange } from '../../trading/risk-config-diff'
import { configFromForm, formFromConfig, RISK_FIELDS, RISK_GROUPS, sameAsConfig, type RiskForm, type RiskGroup } from '../../trading/risk-config-form'
import { RiskDiffDialog } from './RiskDiffDialog'
import { RiskFieldRow } from './RiskFieldRow'
import { SymbolListField } from './SymbolListField'

/**
 * The form over one base config (the version the edits start from). New
 * rules from the kernel replace a pristine form at once; over unsaved edits
 * they show as a notice instead of wiping the trader's work.
 */
export function RiskEditor({ latest, fallback, notices }: { latest: RiskConfig | null; fallback: RiskConfig; notices?: ReactNode }): React.JSX.Element {
  const { t } = useTranslation()
  const [base, setBase] = useState<RiskConfig>(latest ?? fallback)
  const [form, setForm] = useState<RiskForm>(() => formFromConfig(latest ?? fallback))
  const [seen, setSeen] = useState(latest)
  const [review, setReview] = useState<{ config: RiskConfig; changes: ConfigChange[] } | null>(null)
  const [saved, setSaved] = useState<{ version: number; changes: number } | null>(null)
  const dirty = !sameAsConfig(form, base)

  // Adjusting state to a new prop during render (React's documented pattern), not in an effect.
  if (latest !== seen) {
    setSeen(latest)
    if (latest && !dirty) {
      setBase(latest)
      setForm(formFromConfig(latest))
    }
  }
  const newer = latest && latest.version !== base.version && dirty ? latest : null

  const { config, issues } = useMemo(() => configFromForm(form, base), [form, base])
  const changes = useMemo(() => (config ? diffRiskConfig(base, config) : []), [config, base])
  const byPath = new Map(changes.map((c) => [c.path, c]))
  const readOnly = latest === null
  const issueCount = Object.keys(issues).length

  const setValue = (path: keyof RiskForm['values'], value: string): void => setForm((f) => ({ ...f, values: { ...f.values, [path]: value } }))
  const adopt = (next: RiskConfig): void => {
    setBase(next)
    setForm(formFromConfig(next))
  }

  const state = readOnly ? null : issueCount > 0 ? t('risk.invalid', { count: issueCount }) : dirty ? t('risk.unsaved', { count: changes.length }) : saved ? t('risk.saved', saved) : t('risk.upToDate')
  const aside = (
    <div className="risk-actions">
      <span className="pill pill-muted mono" data-testid="risk-version">
        {t('risk.version', { version: base.version })}
      </span>
      {state && <span className={issueCount > 0 ? 'risk-state tone-down' : dirty ? 'risk-state tone-warn' : 'risk-state dim'}>{state}</span>}
      <button type="button" className="btn" disabled={readOnly || !dirty} onClick={() => adopt(base)} data-testid="risk-discard">
        {t('risk.discard')}
      </button>
      <button type="button" className={isLoosening(changes) ? 'btn btn-warn' : 'btn btn-primary'} disabled={readOnly || !config || changes.length === 0} onClick={() => config && setReview({ config, changes })} data-testid="risk-save">
        {t('risk.review')}
      </button>
    </div>
  )

  return (
    <>
      <PageHeader title={t('risk.title')} subtitle={t('risk.subtitle')} aside={aside} />
      {notices}
      {newer && (
        <div className="notice notice-warn" role="status" data-testid="risk-newer">
          <span>{t('risk.newer', { version: newer.version, base: base.version })}</span>
          <button type="button" className="btn btn-small" onClick={() => adopt(newer)}>
            {t('risk.loadNewer')}
          </button>
        </div>
      )}
      <div className="risk-grid" data-testid="risk-form">
        {RISK_GROUPS.map((group) => (
          <Card key={group} title={t(`risk.groups.${group}`)} className={`risk-group risk-group-${group}`} testId={`risk-group-${group}`}>
            {group === 'symbols' ? (
              <SymbolLists form={form} changes={changes} issues={issues} disabled={readOnly} onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))} />
            ) : (
              fieldsOf(group).map((field) => (
                <RiskFieldRow key={field.path} field={field} value={form.values[field.path]} base={base} change={byPath.get(field.path)} issue={issues[field.path]} disabled={readOnly} onChange={(v) => setValue(field.path, v)} />
              ))
            )}
          </Card>
        ))}
      </div>
      {review && (
        <RiskDiffDialog
          config={review.config}
          changes={review.changes}
          onClose={() => setReview(null)}
          onSaved={(next, count) => {
            setReview(null)
            setSaved({ version: next.version, changes: count })
            adopt(next)
          }}
        />
      )}
    </>
  )
}

const fieldsOf = (group: RiskGroup) => RISK_FIELDS.filter((f) => f.group === group)

function SymbolLists(props: {
  form: RiskForm
  changes: readonly ConfigChange[]
  issues: ReturnType<typeof configFromForm>['issues']
  disabled: boolean
  onChange(key: 'allowSymbols' | 'denySymbols', value: string): void
}): React.JSX.Element {
  return (
    <>
      {(['allowSymbols', 'denySymbols'] as const).map((key) => (
        <SymbolListField key={key} path={key} value={props.form[key]} changes={props.changes} issue={props.issues[key]} disabled={props.disabled} onChange={(v) => props.onChange(key, v)} />
      ))}
    </>
  )
}
