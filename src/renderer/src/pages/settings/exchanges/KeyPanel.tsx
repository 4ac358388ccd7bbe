import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountStatus } from '../../../../../shared/contract/domains/accounts'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { InlineError } from '../../../components/InlineError'
import { formatDateTime } from '../../../format/date-time'
import { deleteKey, loadKeyStatus, useKeyStatusStore } from '../../../stores/key-status-store'
import { ApiKeyForm } from './ApiKeyForm'
import { LiveTradingSwitch } from './LiveTradingSwitch'

/** One live account's key: where it would be stored, whether it is, its hint and warnings; replace or delete it. */
export function KeyPanel({ account }: { account: AccountStatus }): React.JSX.Element {
  const { t } = useTranslation()
  const status = useKeyStatusStore((s) => s.statuses[account.id])
  const loadError = useKeyStatusStore((s) => s.errors[account.id])
  const [editing, setEditing] = useState(false)
  const [verified, setVerified] = useState(false)
  const [deleteError, setDeleteError] = useState<ContractError | null>(null)

  useEffect(() => {
    void loadKeyStatus(account.id)
  }, [account.id])

  const remove = async (): Promise<void> => {
    setDeleteError(await deleteKey(account.id))
    setVerified(false)
  }

  return (
    <section className="key-panel" data-testid={`key-panel-${account.id}`}>
      <header className="key-panel-head">
        <span className="strong">{account.name}</span>
        <span className="mono dim">
          {account.id} · {account.venue}
        </span>
        <LiveTradingSwitch account={account} />
      </header>
      {loadError && <InlineError error={loadError} prefix={t('exchanges.key.statusFailed')} testId="key-status-error" />}
      {status && (
        <dl className="facts key-facts">
          <dt>{t('exchanges.key.keychain')}</dt>
          <dd className={status.keychainAvailable ? 'tone-up' : 'tone-down'}>{status.keychainAvailable ? t('exchanges.key.keychainOk') : (status.keychainProblem ?? t('exchanges.key.keychainMissing'))}</dd>
          <dt>{t('exchanges.key.stored')}</dt>
          <dd data-testid="key-stored">{status.stored ? <span className="mono">{status.keyHint ?? '****'}</span> : <span className="dim">{t('exchanges.key.notStored')}</span>}</dd>
          <dt>{t('exchanges.key.verifiedAt')}</dt>
          <dd className="mono">{status.verifiedAt ? formatDateTime(status.verifiedAt) : '—'}</dd>
        </dl>
      )}
      {verified && <p className="key-verified" role="status">{t('exchanges.key.verified')}</p>}
      {status?.warnings.map((warning, i) => (
        <p key={i} className="key-warning">
          {warning}
        </p>
      ))}
      <div className="key-panel-actions">
        <button type="button" className="btn btn-small" onClick={() => setEditing((e) => !e)} disabled={status?.keychainAvailable === false} data-testid="key-edit">
          {editing ? t('common.cancel') : status?.stored ? t('exchanges.key.replace') : t('exchanges.key.enter')}
        </button>
        {status?.stored && (
          <button type="button" className="btn btn-small" onClick={() => void remove()} data-testid="key-delete">
            {t('exchanges.key.delete')}
          </button>
        )}
      </div>
      {deleteError && <InlineError error={deleteError} prefix={t('exchanges.key.deleteFailed')} />}
      {editing && (
        <ApiKeyForm
          accountId={account.id}
          venue={account.venue}
          onDone={() => {
            setEditing(false)
            setVerified(true)
          }}
        />
      )}
    </section>
  )
}
