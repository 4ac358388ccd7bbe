import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/Card'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { loadAccounts, useAccountsStore } from '../../../stores/accounts-store'
import { useConnectionStore } from '../../../stores/connection-store'
import { AccountsTable } from './AccountsTable'
import { CreateAccountForm } from './CreateAccountForm'
import { KeyPanel } from './KeyPanel'
import './exchanges.css'

/** Settings → Exchanges: the accounts, the keys of the live ones, live trading switches, and new accounts. */
export function ExchangesSection(): React.JSX.Element {
  const { t } = useTranslation()
  const accounts = useAccountsStore((s) => s.accounts)
  const error = useAccountsStore((s) => s.error)
  const live = accounts?.filter((a) => a.mode === 'live') ?? []

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (connected) void loadAccounts()
  }, [connected])

  return (
    <div className="exchanges" data-testid="settings-exchanges">
      {error && <ErrorAlert error={error} message={t('exchanges.loadFailed', { message: error.message })} testId="exchanges-load-error" />}
      <Card title={t('exchanges.accounts')} aside={<span className="pill pill-muted">{accounts ? t('exchanges.count', { count: accounts.length }) : '—'}</span>}>
        <AccountsTable accounts={accounts ?? []} unavailable={accounts === null && error !== null} />
      </Card>
      <div className="exchanges-grid">
        <Card title={t('exchanges.keys')} testId="exchanges-keys">
          <p className="field-hint key-intro">{t('exchanges.keysIntro')}</p>
          {live.map((account) => (
            <KeyPanel key={account.id} account={account} />
          ))}
          {live.length === 0 && <p className="muted">{t('exchanges.noLive')}</p>}
        </Card>
        <Card title={t('exchanges.create.title')} testId="exchanges-create">
          <CreateAccountForm />
        </Card>
      </div>
    </div>
  )
}
