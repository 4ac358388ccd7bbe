import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import { RulesStrategySchema, type PilotStatus, type RulesStrategy } from '../../../../shared/domain/agents/pilot'
import { PipelineIdSchema, type PipelineId } from '../../../../shared/domain/agents/roles'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { SegmentedControl } from '../../components/SegmentedControl'
import { formatQuantity } from '../../format/numbers'
import { loadProviders, useModelsStore } from '../../stores/models-store'
import { budgetReached, callsModels, formFromPilot, overridesOutsidePipeline, patchFromForm, providersWithoutKey, type PilotField, type PilotForm } from '../../stores/pilot-editor-form'
import { closePilotSettings, loadVenueMarkets, savePilotSettings } from '../../stores/pilot-editor-store'
import { formatUsdCost } from '../feed/format-decision'
import { LoadError } from '../feed/LoadError'
import { MainModelFields } from './MainModelFields'
import { RoleModelFields } from './RoleModelFields'
import { SymbolPicker } from './SymbolPicker'
import './pilot-settings.css'

/**
 * Edits one pilot through `pilots.update`: the patch carries only what
 * changed, checked here against the contract's schemas first; whatever the
 * kernel still refuses (it validates the whole pilot) is shown as it says it.
 */
export function PilotSettingsDialog({ status }: { status: PilotStatus }): React.JSX.Element {
  const { t } = useTranslation()
  const formId = useId()
  const config = status.config
  const [form, setForm] = useState<PilotForm>(() => formFromPilot(config))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const providers = useModelsStore((s) => s.providers)
  const providersError = useModelsStore((s) => s.providersError)

  useEffect(() => {
    void loadProviders()
    void loadVenueMarkets(config.venue)
  }, [config.venue])

  const known = useMemo(() => providers?.map((p) => p.provider) ?? null, [providers])
  const built = useMemo(() => patchFromForm(form, config, known), [form, config, known])
  const problemCount = Object.keys(built.problems.fields).length + Object.keys(built.problems.roles).length
  const missingKeys = providersWithoutKey(form, providers)
  const dropped = overridesOutsidePipeline(form)
  const reached = callsModels(form) && budgetReached(form, status.spentToday)

  const update = (patch: Partial<PilotForm>): void => {
    setForm((f) => ({ ...f, ...patch }))
    setError(null)
  }
  const problem = (field: PilotField): string | null => {
    const found = built.problems.fields[field]
    return found ? t(`pilotSettings.problems.${found}`) : null
  }
  const close = busy ? undefined : closePilotSettings

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!built.patch || !built.changed || busy) return
    setBusy(true)
    setError(null)
    const refusal = await savePilotSettings(config.id, built.patch)
    setBusy(false)
    if (refusal) setError(refusal)
    else closePilotSettings()
  }

  return (
    <Modal
      title={t('pilotSettings.title', { name: config.name })}
      onClose={close}
      wide
      testId="pilot-settings"
      footer={
        <>
          <span className="pilot-settings-status" role="status" data-testid="pilot-settings-status">
            {problemCount > 0 ? t('pilotSettings.invalid', { count: problemCount }) : !built.changed ? t('pilotSettings.unchanged') : t('pilotSettings.intro')}
          </span>
          <button type="button" className="btn" onClick={closePilotSettings} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy || !built.patch || !built.changed} data-testid="pilot-settings-save">
            {busy ? t('pilotSettings.saving') : t('pilotSettings.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="pilot-settings" onSubmit={(e) => void submit(e)} data-pilot={config.id} noValidate>
        <div className="pilot-settings-row">
          <TextField label={t('pilotSettings.name')} value={form.name} onChange={(name) => update({ name })} problem={problem('name')} maxLength={120} testId="pilot-settings-name" />
          <div className="key-field">
            <span className="key-label">{t('pilotSettings.pipeline')}</span>
            <SegmentedControl<PipelineId>
              label={t('pilotSettings.pipeline')}
              value={form.pipeline}
              options={PipelineIdSchema.options.map((id) => ({ value: id, label: t(`pilotSettings.pipelines.${id}`) }))}
              onChange={(pipeline) => update({ pipeline })}
              testId="pilot-settings-pipeline"
            />
            <span className="field-hint">{t(`pilotSettings.pipelineHints.${form.pipeline}`)}</span>
          </div>
        </div>

        <fieldset className="choice-group pilot-settings-group">
          <legend>{t('pilotSettings.mainModel')}</legend>
          {providers ? (
            <MainModelFields value={form.model} providers={providers} problem={built.problems.fields.model} onChange={(model) => update({ model })} />
          ) : providersError ? (
            <LoadError error={providersError} text={t('pilotSettings.providersFailed', { message: providersError.message })} testId="pilot-settings-providers-error" />
          ) : (
            <p className="field-hint">{t('pilotSettings.providersLoading')}</p>
          )}
          {missingKeys.length > 0 && (
            <p className="notice notice-warn pilot-settings-notice" data-testid="pilot-settings-key-missing">
              {t('pilotSettings.keyMissing', { providers: missingKeys.map((p) => p.provider.name).join(', ') })}
            </p>
          )}
        </fieldset>

        <fieldset className="choice-group pilot-settings-group">
          <legend>{t('pilotSettings.roleModels')}</legend>
          <span className="field-hint">{t('pilotSettings.roleModelsHint', { pipeline: t(`pilotSettings.pipelines.${form.pipeline}`) })}</span>
          <RoleModelFields form={form} providers={providers ?? []} problems={built.problems.roles} onChange={(roleModels) => update({ roleModels })} />
          {dropped.length > 0 && (
            <p className="field-hint tone-warn" data-testid="pilot-settings-dropped">
              {t('pilotSettings.droppedOverrides', { roles: dropped.map((role) => t(`agentRoles.${role}`)).join(', ') })}
            </p>
          )}
        </fieldset>

        <div className="pilot-settings-row">
          <fieldset className="choice-group pilot-settings-group">
            <legend>{t('pilotSettings.strategy')}</legend>
            <SegmentedControl<RulesStrategy>
              label={t('pilotSettings.strategy')}
              value={form.strategy}
              options={RulesStrategySchema.options.map((id) => ({ value: id, label: t(`pilotSettings.strategies.${id}`) }))}
              onChange={(strategy) => update({ strategy })}
              testId="pilot-settings-strategy"
            />
            <span className="field-hint">{t('pilotSettings.strategyHint')}</span>
            <label className="choice choice-check" title={t('pilotSettings.fallbackHint')}>
              <input type="checkbox" checked={form.fallbackToRules} onChange={(e) => update({ fallbackToRules: e.target.checked })} data-testid="pilot-settings-fallback" />
              <span>
                {t('pilotSettings.fallback')}
                <span className="field-hint">{t('pilotSettings.fallbackHint')}</span>
              </span>
            </label>
          </fieldset>

          <fieldset className="choice-group pilot-settings-group">
            <legend>{t('pilotSettings.symbols')}</legend>
            <span className="field-hint">{t('pilotSettings.symbolsHint', { venue: config.venue })}</span>
            <SymbolPicker venue={config.venue} value={form.symbols} onChange={(symbols) => update({ symbols })} />
            {problem('symbols') && <p className="pilot-settings-problem">{problem('symbols')}</p>}
            <TextField label={t('pilotSettings.cadence')} value={form.cadenceMinutes} onChange={(cadenceMinutes) => update({ cadenceMinutes })} problem={problem('cadenceMinutes')} hint={t('pilotSettings.cadenceHint')} inputMode="decimal" testId="pilot-settings-cadence" />
          </fieldset>
        </div>

        <div className="pilot-settings-numbers">
          <TextField label={t('pilotSettings.tokensPerDay')} value={form.tokensPerDay} onChange={(tokensPerDay) => update({ tokensPerDay })} problem={problem('tokensPerDay')} inputMode="numeric" testId="pilot-settings-tokens" />
          <TextField label={t('pilotSettings.usdPerDay')} value={form.usdPerDay} onChange={(usdPerDay) => update({ usdPerDay })} problem={problem('usdPerDay')} inputMode="decimal" testId="pilot-settings-usd" />
          <div className="pilot-settings-budget">
            <span className="mono" data-testid="pilot-settings-spent">
              {t('pilotSettings.spentToday', { tokens: formatQuantity(status.spentToday.tokens, 0), usd: formatUsdCost(status.spentToday.usd) })}
            </span>
            {reached && (
              <span className="tone-warn" data-testid="pilot-settings-over-budget">
                {t('pilotSettings.overBudget')}
              </span>
            )}
          </div>
          <span className="field-hint pilot-settings-budget-hint">{t('pilotSettings.budgetHint')}</span>
        </div>

        {error && <InlineError error={error} prefix={t('pilotSettings.saveFailed')} testId="pilot-settings-error" />}
      </form>
    </Modal>
  )
}

interface TextFieldProps {
  label: string
  value: string
  onChange(value: string): void
  problem: string | null
  hint?: string
  maxLength?: number
  inputMode?: 'decimal' | 'numeric'
  testId: string
}

function TextField({ label, value, onChange, problem, hint, maxLength, inputMode, testId }: TextFieldProps): React.JSX.Element {
  const id = useId()
  return (
    <div className="key-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} inputMode={inputMode} autoComplete="off" spellCheck={false} aria-invalid={problem ? true : undefined} data-testid={testId} />
      {problem ? <span className="pilot-settings-problem">{problem}</span> : hint && <span className="field-hint">{hint}</span>}
    </div>
  )
}
