import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptIssue } from '../../../../shared/domain/agents/prompt'
import { IssueList } from './IssueList'
import { PARAM_KEYS, PARAM_RULES, type ParamKey, type ParamProblem, type ParamsForm as ParamsFormValues } from './prompt-draft'

interface ParamsFormProps {
  values: ParamsFormValues
  problems: Partial<Record<ParamKey, ParamProblem>>
  issues: Partial<Record<ParamKey, PromptIssue[]>>
  changed: Partial<Record<ParamKey, boolean>>
  disabled: boolean
  onChange(key: ParamKey, text: string): void
}

/** Temperature, max tokens and top_p, each with its range; a value out of range is flagged here before the kernel sees it. */
export function ParamsForm({ values, problems, issues, changed, disabled, onChange }: ParamsFormProps): React.JSX.Element {
  const { t } = useTranslation()
  const baseId = useId()
  return (
    <div className="param-grid" data-testid="prompt-params">
      {PARAM_KEYS.map((key) => {
        const rule = PARAM_RULES[key]
        const problem = problems[key]
        const id = `${baseId}-${key}`
        return (
          <div key={key} className={changed[key] ? 'param-field is-changed' : 'param-field'}>
            <label htmlFor={id}>{t(`promptStudio.params.${key}`)}</label>
            <input
              id={id}
              className="input"
              type="number"
              inputMode="decimal"
              min={rule.min}
              max={rule.max}
              step={rule.step}
              value={values[key]}
              disabled={disabled}
              aria-invalid={problem || issues[key]?.length ? true : undefined}
              onChange={(e) => onChange(key, e.target.value)}
              data-testid={`prompt-param-${key}`}
            />
            <span className={problem ? 'risk-issue' : 'field-hint'}>
              {problem ? t(`promptStudio.params.problems.${problem}`, rangeOf(key)) : t('promptStudio.params.range', rangeOf(key))}
            </span>
            <IssueList issues={issues[key] ?? []} />
          </div>
        )
      })}
    </div>
  )
}

function rangeOf(key: ParamKey): { min: string; max: string } {
  const rule = PARAM_RULES[key]
  return { min: rule.minExclusive ? `> ${rule.min}` : String(rule.min), max: String(rule.max) }
}
