import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderStatus } from '../../../../shared/contract/domains/models'
import { RULES_PROVIDER_ID, type ModelRef } from '../../../../shared/domain/agents/model'
import type { RulesStrategy } from '../../../../shared/domain/agents/pilot'
import type { RoleId } from '../../../../shared/domain/agents/roles'
import { keyState } from '../../stores/models-state'
import { effectiveRef, pipelineRoles, refFromKey, refKey, type PilotForm, type PilotProblem } from '../../stores/pilot-editor-form'

interface RoleModelFieldsProps {
  form: Pick<PilotForm, 'pipeline' | 'model' | 'roleModels' | 'strategy'>
  providers: readonly ProviderStatus[]
  problems: Partial<Record<RoleId, PilotProblem>>
  onChange(roleModels: Partial<Record<RoleId, ModelRef>>): void
}

const SAME_AS_MAIN = ''

/**
 * One select per role the pipeline asks: "same as main model" by default, or
 * any model of any provider, grouped by provider with its key state. The
 * rules provider offers one choice, the pilot's rules strategy.
 */
export function RoleModelFields({ form, providers, problems, onChange }: RoleModelFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const main = effectiveRef(form.model, form.strategy)
  const mainLabel = `${main.providerId}/${main.model}`

  const pick = (role: RoleId, key: string): void => {
    const ref = refFromKey(key)
    const next = { ...form.roleModels }
    if (ref) next[role] = ref
    else delete next[role]
    onChange(next)
  }

  return (
    <div className="pilot-role-models" data-testid="pilot-settings-roles">
      {pipelineRoles(form.pipeline).map((role) => {
        const override = form.roleModels[role]
        const value = override ? refKey(effectiveRef(override, form.strategy)) : SAME_AS_MAIN
        const problem = problems[role]
        return (
          <div key={role} className="pilot-role-row" data-role={role}>
            <label htmlFor={`${id}-${role}`}>{t(`agentRoles.${role}`)}</label>
            <select id={`${id}-${role}`} value={value} onChange={(e) => pick(role, e.target.value)} aria-invalid={problem ? true : undefined} data-testid={`pilot-settings-role-${role}`}>
              <option value={SAME_AS_MAIN}>{t('pilotSettings.sameAsMain', { model: mainLabel })}</option>
              <ModelOptions providers={providers} strategy={form.strategy} current={override ? effectiveRef(override, form.strategy) : null} />
            </select>
            {problem && <span className="pilot-settings-problem">{t(`pilotSettings.problems.${problem}`)}</span>}
          </div>
        )
      })}
    </div>
  )
}

function ModelOptions({ providers, strategy, current }: { providers: readonly ProviderStatus[]; strategy: RulesStrategy; current: ModelRef | null }): React.JSX.Element {
  const { t } = useTranslation()
  const listed = current !== null && providers.some((p) => p.provider.id === current.providerId && (p.provider.id === RULES_PROVIDER_ID || p.provider.models.includes(current.model)))
  return (
    <>
      {current && !listed && <option value={refKey(current)}>{t('pilotSettings.notConfigured', { name: `${current.providerId}/${current.model}` })}</option>}
      {providers.map((p) => {
        const models = p.provider.id === RULES_PROVIDER_ID ? [strategy] : p.provider.models
        return (
          <optgroup key={p.provider.id} label={`${p.provider.name} · ${t(`pilotSettings.keyMark.${keyState(p)}`)}`}>
            {models.map((model) => (
              <option key={model} value={refKey({ providerId: p.provider.id, model })}>
                {p.provider.id === RULES_PROVIDER_ID ? t(`pilotSettings.strategies.${strategy}`) : `${p.provider.id}/${model}`}
              </option>
            ))}
          </optgroup>
        )
      })}
    </>
  )
}
