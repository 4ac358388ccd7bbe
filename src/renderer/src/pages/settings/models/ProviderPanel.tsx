import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelTestResult, ProviderStatus } from '../../../../../shared/contract/domains/models'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { InlineError } from '../../../components/InlineError'
import { keyState } from '../../../stores/models-state'
import { deleteModelKey, removeProvider, testProvider } from '../../../stores/models-store'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ModelKeyForm } from './ModelKeyForm'
import { CAPABILITY_KEYS } from './provider-form'
import { ProviderFormView } from './ProviderFormView'
import { TestResultLine } from './TestResultLine'

type Panel = 'key' | 'edit' | null
type Asking = 'deleteKey' | 'remove' | null

/** One provider: where it is, what it serves and accepts, whether its key is stored; enter, test or delete the key, edit or remove it. */
export function ProviderPanel({ status }: { status: ProviderStatus }): React.JSX.Element {
  const { t } = useTranslation()
  const p = status.provider
  const key = keyState(status)
  const [panel, setPanel] = useState<Panel>(null)
  const [asking, setAsking] = useState<Asking>(null)
  const [model, setModel] = useState(p.models[0] ?? '')
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<ModelTestResult | null>(null)
  const [testError, setTestError] = useState<ContractError | null>(null)
  const canTest = key !== 'missing'

  const test = async (): Promise<void> => {
    setTesting(true)
    setTestError(null)
    setResult(null)
    const envelope = await testProvider(p.id, model || undefined)
    setTesting(false)
    if (envelope.ok) setResult(envelope.value)
    else setTestError(envelope.error)
  }

  return (
    <section className="provider-panel" data-testid={`provider-${p.id}`} data-kind={p.kind}>
      <header className="provider-head">
        <span className="strong">{p.name}</span>
        <span className="mono dim">{p.id}</span>
        {t(`modelSettings.kinds.${p.kind}`) !== p.name && <span className="mini-badge badge-kind">{t(`modelSettings.kinds.${p.kind}`)}</span>}
        <span className={`mini-badge key-badge key-${key}`} data-testid={`provider-key-state-${p.id}`} data-state={key}>
          {t(`modelSettings.keyState.${key}`)}
        </span>
      </header>
      <dl className="facts provider-facts">
        <dt>{t('modelSettings.fields.baseUrl')}</dt>
        <dd className="mono break">{p.baseUrl ?? <span className="dim">{t('modelSettings.builtIn')}</span>}</dd>
        <dt>{t('modelSettings.fields.models')}</dt>
        <dd className="chips">
          {p.models.map((m) => (
            <span key={m} className="chip chip-small mono">
              {m}
            </span>
          ))}
          {p.models.length === 0 && <span className="dim">—</span>}
        </dd>
        <dt>{t('modelSettings.fields.capabilities')}</dt>
        <dd className="chips">
          {CAPABILITY_KEYS.map((c) => (
            <span key={c} className={p.capabilities[c] ? 'chip chip-small cap-on' : 'chip chip-small cap-off'} title={t(`modelSettings.capabilityHints.${c}`)} data-capability={c} data-on={p.capabilities[c]}>
              {p.capabilities[c] ? '✓' : '✗'} {t(`modelSettings.capabilities.${c}`)}
            </span>
          ))}
        </dd>
        <dt>{t('modelSettings.fields.limits')}</dt>
        <dd>{t('modelSettings.limits', { seconds: p.timeoutMs / 1000, retries: p.maxRetries })}</dd>
      </dl>
      <div className="provider-actions">
        {p.kind !== 'rules' && (
          <button type="button" className="btn btn-small" aria-expanded={panel === 'key'} onClick={() => setPanel(panel === 'key' ? null : 'key')} data-testid={`provider-key-edit-${p.id}`}>
            {panel === 'key' ? t('common.cancel') : status.keyStored ? t('modelSettings.key.replace') : status.needsKey ? t('modelSettings.key.enter') : t('modelSettings.key.enterOptional')}
          </button>
        )}
        {p.models.length > 1 && (
          <select className="provider-model" value={model} onChange={(e) => setModel(e.target.value)} aria-label={t('modelSettings.test.model')} data-testid={`provider-test-model-${p.id}`}>
            {p.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="btn btn-small" disabled={!canTest || testing} title={canTest ? undefined : t('modelSettings.test.needsKey')} onClick={() => void test()} data-testid={`provider-test-${p.id}`}>
          {testing ? t('modelSettings.test.running') : t('modelSettings.test.run')}
        </button>
        {status.keyStored && (
          <button type="button" className="btn btn-small" onClick={() => setAsking('deleteKey')} data-testid={`provider-key-delete-${p.id}`}>
            {t('modelSettings.key.delete')}
          </button>
        )}
        <span className="provider-actions-end">
          {p.kind !== 'rules' && (
            <>
              <button type="button" className="btn btn-small" aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? null : 'edit')} data-testid={`provider-edit-${p.id}`}>
                {panel === 'edit' ? t('common.cancel') : t('modelSettings.edit')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setAsking('remove')} data-testid={`provider-remove-${p.id}`}>
                {t('modelSettings.remove')}
              </button>
            </>
          )}
        </span>
      </div>
      {result && <TestResultLine result={result} providerId={p.id} />}
      {testError && <InlineError error={testError} prefix={t('modelSettings.test.error')} testId={`provider-test-error-${p.id}`} />}
      {panel === 'key' && (
        <ModelKeyForm
          providerId={p.id}
          onStored={(test) => {
            setPanel(null)
            setResult(test)
          }}
        />
      )}
      {panel === 'edit' && <ProviderFormView initial={p} takenIds={[]} onDone={() => setPanel(null)} />}
      {asking === 'deleteKey' && (
        <ConfirmDialog title={t('modelSettings.key.deleteTitle', { name: p.name })} confirmLabel={t('modelSettings.key.delete')} onConfirm={() => deleteModelKey(p.id)} onClose={() => setAsking(null)} testId="model-key-delete-dialog">
          <p>{t('modelSettings.key.deleteBody', { name: p.name })}</p>
        </ConfirmDialog>
      )}
      {asking === 'remove' && (
        <ConfirmDialog title={t('modelSettings.removeTitle', { name: p.name })} confirmLabel={t('modelSettings.remove')} onConfirm={() => removeProvider(p.id)} onClose={() => setAsking(null)} testId="provider-remove-dialog">
          <p>{t('modelSettings.removeBody', { name: p.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
