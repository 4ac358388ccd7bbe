import { useTranslation } from 'react-i18next'
import { RulesStrategySchema, type RulesStrategy } from '../../../../shared/domain/agents/pilot'
import { PipelineIdSchema, type PipelineId } from '../../../../shared/domain/agents/roles'
import { SegmentedControl } from '../../components/SegmentedControl'
import { formatQuantity } from '../../format/numbers'
import { useModelsStore } from '../../stores/models-store'
import { budgetReached, callsModels, overridesOutsidePipeline, providersWithoutKey, type PilotField, type PilotForm, type PilotProblems } from '../../stores/pilot-editor-form'
import { formatUsdCost } from '../feed/format-decision'
import { LoadError } from '../feed/LoadError'
import { MainModelFields } from './MainModelFields'
import { PilotTextField } from './PilotTextField'
import { RoleModelFields } from './RoleModelFields'
import { SymbolPicker } from './SymbolPicker'

interface PilotFieldsProps {
  form: PilotForm
  /** The venue whose markets are the symbol choices. */
  venue: string
  problems: PilotProblems
  /** A field's translated problem, or null while it has none (or none to show yet). */
  problem(field: PilotField): string | null
  update(patch: Partial<PilotForm>): void
  /** Today's model spend of an existing pilot; null for a new one, which has spent nothing. */
  spentToday: { tokens: number; usd: number } | null
}

/**
 * What every pilot has, new or existing: name, pipeline, models, rules
 * strategy, symbols, cadence and budget. The dialog around it decides what
 * the form becomes (a patch or a new pilot).
 */
export function PilotFields({ form, venue, problems, problem, update, spentToday }: PilotFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const providers = useModelsStore((s) => s.providers)
  const providersError = useModelsStore((s) => s.providersError)
  const missingKeys = providersWithoutKey(form, providers)
  const dropped = overridesOutsidePipeline(form)
  const reached = spentToday !== null && callsModels(form) && budgetReached(form, spentToday)

  return (
    <>
      <div className="pilot-settings-row">
        <PilotTextField label={t('pilotSettings.name')} value={form.name} onChange={(name) => update({ name })} problem={problem('name')} maxLength={120} testId="pilot-settings-name" />
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
          <MainModelFields value={form.model} providers={providers} problem={problems.fields.model} onChange={(model) => update({ model })} />
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
        <RoleModelFields form={form} providers={providers ?? []} problems={problems.roles} onChange={(roleModels) => update({ roleModels })} />
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
          <span className="field-hint">{t('pilotSettings.symbolsHint', { venue })}</span>
          <SymbolPicker venue={venue} value={form.symbols} onChange={(symbols) => update({ symbols })} />
          {problem('symbols') && <p className="pilot-settings-problem">{problem('symbols')}</p>}
          <PilotTextField
            label={t('pilotSettings.cadence')}
            value={form.cadenceMinutes}
            onChange={(cadenceMinutes) => update({ cadenceMinutes })}
            problem={problem('cadenceMinutes')}
            hint={t('pilotSettings.cadenceHint')}
            inputMode="decimal"
            testId="pilot-settings-cadence"
          />
        </fieldset>
      </div>

      <div className="pilot-settings-numbers">
        <PilotTextField label={t('pilotSettings.tokensPerDay')} value={form.tokensPerDay} onChange={(tokensPerDay) => update({ tokensPerDay })} problem={problem('tokensPerDay')} inputMode="numeric" testId="pilot-settings-tokens" />
        <PilotTextField label={t('pilotSettings.usdPerDay')} value={form.usdPerDay} onChange={(usdPerDay) => update({ usdPerDay })} problem={problem('usdPerDay')} inputMode="decimal" testId="pilot-settings-usd" />
        <div className="pilot-settings-budget">
          {spentToday && (
            <span className="mono" data-testid="pilot-settings-spent">
              {t('pilotSettings.spentToday', { tokens: formatQuantity(spentToday.tokens, 0), usd: formatUsdCost(spentToday.usd) })}
            </span>
          )}
          {reached && (
            <span className="tone-warn" data-testid="pilot-settings-over-budget">
              {t('pilotSettings.overBudget')}
            </span>
          )}
        </div>
        <span className="field-hint pilot-settings-budget-hint">{t('pilotSettings.budgetHint')}</span>
      </div>
    </>
  )
}
