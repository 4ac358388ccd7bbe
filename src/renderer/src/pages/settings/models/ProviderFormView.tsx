import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../../shared/contract/envelope'
import type { ModelProvider } from '../../../../../shared/domain/agents/model'
import { InlineError } from '../../../components/InlineError'
import { saveProvider } from '../../../stores/models-store'
import { CAPABILITY_KEYS, EMPTY_PROVIDER_FORM, formFromProvider, PROVIDER_PRESETS, providerFromForm, type ProviderField, type ProviderForm } from './provider-form'

interface ProviderFormViewProps {
  /** The provider being edited; absent to add a new OpenAI-compatible one. */
  initial?: ModelProvider
  /** Ids already used: a new provider may not take one. */
  takenIds: readonly string[]
  onDone?(provider: ModelProvider): void
}

/** Adds any OpenAI-compatible endpoint (Ollama, LM Studio, vLLM, OpenRouter, …) or edits a provider's settings. */
export function ProviderFormView({ initial, takenIds, onDone }: ProviderFormViewProps): React.JSX.Element {
  const { t } = useTranslation()
  const baseId = useId()
  const editing = initial !== undefined
  const [form, setForm] = useState<ProviderForm>(() => (initial ? formFromProvider(initial) : EMPTY_PROVIDER_FORM))
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const built = useMemo(() => providerFromForm(form, editing ? [] : takenIds), [form, editing, takenIds])
  // Problems show once the trader tried to submit; the id's rule shows while it is typed.
  const problemOf = (field: ProviderField) => (touched || (field === 'id' && form.id !== '') ? built.problems[field] : undefined)

  const update = (patch: Partial<ProviderForm>): void => {
    setForm((f) => ({ ...f, ...patch }))
    setSaved(null)
  }

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setTouched(true)
    if (!built.provider) return
    setBusy(true)
    setError(null)
    const envelope = await saveProvider(built.provider)
    setBusy(false)
    if (!envelope.ok) return setError(envelope.error)
    setSaved(envelope.value.provider.name)
    setTouched(false)
    if (!editing) setForm(EMPTY_PROVIDER_FORM)
    onDone?.(envelope.value.provider)
  }

  const field = (name: Exclude<ProviderField, 'models'>, props: React.InputHTMLAttributes<HTMLInputElement> = {}, wide = false) => {
    const problem = problemOf(name)
    return (
      <div className={wide ? 'key-field provider-form-wide' : 'key-field'}>
        <label htmlFor={`${baseId}-${name}`}>{t(`modelSettings.fields.${name}`)}</label>
        <input
          id={`${baseId}-${name}`}
          className="input"
          value={form[name]}
          onChange={(e) => update({ [name]: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          data-testid={`provider-form-${name}`}
          {...props}
        />
        {problem ? <span className="risk-issue">{t(`modelSettings.problems.${problem}`)}</span> : name === 'id' && !editing && <span className="field-hint">{t('modelSettings.idHint')}</span>}
      </div>
    )
  }

  return (
    <form className="provider-form" onSubmit={(e) => void submit(e)} data-testid={editing ? `provider-form-edit-${initial.id}` : 'provider-form-add'}>
      {!editing && (
        <div className="provider-presets">
          <span className="field-hint">{t('modelSettings.presets')}</span>
          {PROVIDER_PRESETS.map((preset) => (
            <button key={preset.key} type="button" className="btn btn-tiny" onClick={() => update({ ...preset.form })} data-testid={`provider-preset-${preset.key}`}>
              {preset.form.name}
            </button>
          ))}
        </div>
      )}
      {field('name', { maxLength: 80 })}
      {field('id', { disabled: editing, placeholder: 'ollama' })}
      {field('baseUrl', { placeholder: 'http://127.0.0.1:11434/v1', disabled: form.kind === 'rules' }, true)}
      <div className="key-field provider-form-wide">
        <label htmlFor={`${baseId}-models`}>{t('modelSettings.fields.models')}</label>
        <input id={`${baseId}-models`} className="input" value={form.models} onChange={(e) => update({ models: e.target.value })} placeholder="qwen2.5:14b, llama3.1:8b" aria-invalid={problemOf('models') ? true : undefined} data-testid="provider-form-models" />
        <span className={problemOf('models') ? 'risk-issue' : 'field-hint'}>{problemOf('models') ? t(`modelSettings.problems.${problemOf('models')!}`) : t('modelSettings.modelsHint')}</span>
      </div>
      <fieldset className="choice-group provider-form-wide provider-caps">
        <legend>{t('modelSettings.fields.capabilities')}</legend>
        {CAPABILITY_KEYS.map((c) => (
          <label key={c} className="choice" title={t(`modelSettings.capabilityHints.${c}`)}>
            <input type="checkbox" checked={form.capabilities[c]} onChange={(e) => update({ capabilities: { ...form.capabilities, [c]: e.target.checked } })} data-testid={`provider-form-cap-${c}`} />
            <span>{t(`modelSettings.capabilities.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      {field('timeoutSeconds', { inputMode: 'decimal' })}
      {field('maxRetries', { inputMode: 'numeric' })}
      <div className="key-form-actions">
        {saved && (
          <span className="tone-up" role="status">
            {t('modelSettings.saved', { name: saved })}
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="provider-form-submit">
          {editing ? t('modelSettings.saveProvider') : t('modelSettings.addProvider')}
        </button>
      </div>
      {error && <InlineError error={error} prefix={t('modelSettings.saveFailed')} testId="provider-form-error" />}
    </form>
  )
}
