import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KeyStatus } from '../../../../../shared/contract/domains/exchanges'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { InlineError } from '../../../components/InlineError'
import { Modal } from '../../../components/Modal'
import { saveKey } from '../../../stores/key-status-store'
import { SecretField, takeSecret } from '../SecretField'
import { keyHint, secretProblem, type SecretProblem } from './secret-rules'

type Field = 'apiKey' | 'secret' | 'passphrase'

/**
 * Key, secret and passphrase in uncontrolled password inputs: the values live
 * only in the DOM until Confirm, are read once, and the inputs are emptied
 * before the call is made. Nothing is kept in React state, a store or storage.
 */
export function ApiKeyForm({ accountId, venue, onDone }: { accountId: string; venue: string; onDone(status: KeyStatus): void }): React.JSX.Element {
  const { t } = useTranslation()
  const refs = { apiKey: useRef<HTMLInputElement>(null), secret: useRef<HTMLInputElement>(null), passphrase: useRef<HTMLInputElement>(null) }
  const [problems, setProblems] = useState<Partial<Record<Field, SecretProblem>>>({})
  const [hint, setHint] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)

  const review = (event: React.FormEvent): void => {
    event.preventDefault()
    const found: Partial<Record<Field, SecretProblem>> = {}
    for (const field of ['apiKey', 'secret', 'passphrase'] as const) {
      const problem = secretProblem(refs[field].current?.value ?? '', field === 'passphrase')
      if (problem) found[field] = problem
    }
    setProblems(found)
    setError(null)
    if (Object.keys(found).length === 0) setHint(keyHint(refs.apiKey.current!.value))
  }

  const confirm = async (): Promise<void> => {
    const read = (field: Field): string => takeSecret(refs[field].current!)
    const apiKey = read('apiKey')
    const secret = read('secret')
    const passphrase = read('passphrase')
    setHint(null)
    setBusy(true)
    const envelope = await saveKey({ accountId, apiKey, secret, passphrase: passphrase || undefined })
    setBusy(false)
    if (envelope.ok) onDone(envelope.value)
    else setError(envelope.error)
  }

  const input = (field: Field, optional = false): React.JSX.Element => (
    <SecretField
      label={t(`exchanges.key.${field}`)}
      inputRef={refs[field]}
      problem={problems[field] ? t(`exchanges.key.problems.${problems[field]}`) : null}
      disabled={busy}
      placeholder={optional ? t('exchanges.key.optional') : undefined}
      testId={`key-${field}`}
    />
  )

  return (
    <form className="key-form" autoComplete="off" onSubmit={review} data-testid={`key-form-${accountId}`}>
      {input('apiKey')}
      {input('secret')}
      {input('passphrase', true)}
      <div className="key-form-actions">
        <span className="field-hint">{t('exchanges.key.storedWhere')}</span>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="key-save">
          {busy ? t('exchanges.key.verifying') : t('exchanges.key.save')}
        </button>
      </div>
      {error && <InlineError error={error} prefix={t('exchanges.key.saveFailed')} testId="key-save-error" />}
      {hint && (
        <Modal
          title={t('exchanges.key.confirmTitle')}
          tone="warn"
          role="alertdialog"
          onClose={() => setHint(null)}
          testId="key-confirm"
          footer={
            <>
              <button type="button" className="btn" onClick={() => setHint(null)} data-autofocus>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn-warn" onClick={() => void confirm()} data-testid="key-confirm-save">
                {t('exchanges.key.confirmSave')}
              </button>
            </>
          }
        >
          <p>{t('exchanges.key.confirmBody', { account: accountId, venue, hint })}</p>
          <p className="muted">{t('exchanges.key.confirmCheck')}</p>
        </Modal>
      )}
    </form>
  )
}
