import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelTestResult } from '../../../../../shared/contract/domains/models'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { InlineError } from '../../../components/InlineError'
import { saveModelKey } from '../../../stores/models-store'
import { SecretField, takeSecret } from '../SecretField'
import { modelKeyProblem, type ModelKeyProblem } from './model-key-rules'
import { TestResultLine } from './TestResultLine'

/**
 * A provider's API key in an uncontrolled password input: the value lives
 * only in the DOM until Save, is read once, and the input is emptied before
 * the call is made. The kernel tests it with one small call before storing
 * it; the answer (latency or error) is shown, the key never is.
 */
export function ModelKeyForm({ providerId, onStored }: { providerId: string; onStored(test: ModelTestResult): void }): React.JSX.Element {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<ModelKeyProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  // The kernel stores nothing when its test call fails, and says why: the form stays open for another try.
  const [failedTest, setFailedTest] = useState<ModelTestResult | null>(null)

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    const field = input.current!
    const found = modelKeyProblem(field.value)
    setProblem(found)
    setError(null)
    setFailedTest(null)
    if (found) return
    const apiKey = takeSecret(field)
    setBusy(true)
    const envelope = await saveModelKey(providerId, apiKey)
    setBusy(false)
    if (!envelope.ok) setError(envelope.error)
    else if (!envelope.value.test.ok || !envelope.value.status.keyStored) setFailedTest(envelope.value.test)
    else onStored(envelope.value.test)
  }

  return (
    <form className="key-form model-key-form" autoComplete="off" onSubmit={(e) => void submit(e)} data-testid={`model-key-form-${providerId}`}>
      <SecretField
        label={t('modelSettings.key.label')}
        inputRef={input}
        problem={problem && t(`modelSettings.key.problems.${problem}`)}
        disabled={busy}
        testId="model-key-input"
      />
      <div className="key-form-actions">
        <span className="field-hint">{t('modelSettings.key.storedWhere')}</span>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="model-key-save">
          {busy ? t('modelSettings.key.testing') : t('modelSettings.key.save')}
        </button>
      </div>
      {failedTest && (
        <div className="model-key-refused" data-testid="model-key-refused">
          <p className="tone-down strong">{t('modelSettings.key.notStored')}</p>
          <TestResultLine result={failedTest} providerId={providerId} />
        </div>
      )}
      {error && <InlineError error={error} prefix={t('modelSettings.key.saveFailed')} testId="model-key-error" />}
    </form>
  )
}
