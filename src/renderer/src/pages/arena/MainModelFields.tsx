import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderStatus } from '../../../../shared/contract/domains/models'
import { RULES_PROVIDER_ID, type ModelRef } from '../../../../shared/domain/agents/model'
import { keyState } from '../../stores/models-state'
import type { PilotProblem } from '../../stores/pilot-editor-form'

interface MainModelFieldsProps {
  value: ModelRef
  providers: readonly ProviderStatus[]
  problem: PilotProblem | undefined
  onChange(ref: ModelRef): void
}

/**
 * The pilot's main model as two selects, provider then model, each provider
 * marked with its key state. A choice the kernel no longer has stays listed
 * as "not configured" so opening the dialog never silently changes it.
 */
export function MainModelFields({ value, providers, problem, onChange }: MainModelFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const current = providers.find((p) => p.provider.id === value.providerId)
  const models = current?.provider.models ?? []
  const rules = value.providerId === RULES_PROVIDER_ID

  const pickProvider = (providerId: string): void => {
    const next = providers.find((p) => p.provider.id === providerId)
    onChange({ providerId, model: next?.provider.models[0] ?? '' })
  }

  return (
    <div className="pilot-settings-pair">
      <div className="key-field">
        <label htmlFor={`${id}-provider`}>{t('pilotSettings.provider')}</label>
        <select id={`${id}-provider`} value={value.providerId} onChange={(e) => pickProvider(e.target.value)} aria-invalid={problem === 'providerUnknown' || undefined} data-testid="pilot-settings-provider">
          {!current && <option value={value.providerId}>{t('pilotSettings.notConfigured', { name: value.providerId })}</option>}
          {providers.map((p) => (
            <option key={p.provider.id} value={p.provider.id} data-key={keyState(p)}>
              {`${p.provider.name} · ${t(`pilotSettings.keyMark.${keyState(p)}`)}`}
            </option>
          ))}
        </select>
      </div>
      <div className="key-field">
        <label htmlFor={`${id}-model`}>{t('pilotSettings.model')}</label>
        {rules ? (
          <p className="field-hint pilot-settings-rules-model">{t('pilotSettings.rulesModel')}</p>
        ) : (
          <select id={`${id}-model`} value={value.model} onChange={(e) => onChange({ providerId: value.providerId, model: e.target.value })} aria-invalid={problem === 'modelUnknown' || undefined} data-testid="pilot-settings-model">
            {!models.includes(value.model) && <option value={value.model}>{t('pilotSettings.notConfigured', { name: value.model || '—' })}</option>}
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </div>
      {problem && (
        <p className="pilot-settings-problem" data-testid="pilot-settings-model-problem">
          {t(`pilotSettings.problems.${problem}`)}
        </p>
      )}
    </div>
  )
}
