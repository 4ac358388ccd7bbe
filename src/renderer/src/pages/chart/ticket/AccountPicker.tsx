import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { hrefFor } from '../../../navigation/routes'
import type { TicketContextView } from './use-ticket-context'

/** Which account the order goes to, with its mode always beside it: a live account must never be a surprise. */
export function AccountPicker({ context, value, onChange }: { context: TicketContextView; value: string; onChange(id: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const { accounts, accountsError, account, chartVenue, typedAccount } = context
  return (
    <div className="tk-field tk-inline tk-account">
      <label className="tk-label" htmlFor={id}>
        {t('ticket.account')}
      </label>
      <div className="tk-account-row">
        {typedAccount ? (
          <input id={id} className="tk-input tk-input-text" value={value} onChange={(e) => onChange(e.target.value)} placeholder={t('ticket.accountIdPlaceholder')} autoComplete="off" spellCheck={false} data-testid="ticket-account-id" />
        ) : (
          <select id={id} value={value} disabled={!accounts?.length} onChange={(e) => onChange(e.target.value)} data-testid="ticket-account">
            {!accounts?.length && <option value="">{t('ticket.noAccountOption')}</option>}
            {accounts?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} · {a.venue}
              </option>
            ))}
          </select>
        )}
        {account?.mode && (
          <span className={`mini-badge mode-${account.mode}`} title={t(account.mode === 'live' ? 'mode.liveHint' : 'mode.paperHint')}>
            {t(account.mode === 'live' ? 'mode.live' : 'mode.paper')}
          </span>
        )}
      </div>
      {accountsError && (
        <p className="tk-problem" role="alert" title={accountsError.code} data-testid="ticket-accounts-error">
          {t('ticket.accountsFailed', { message: accountsError.message })}
        </p>
      )}
      {accounts?.length === 0 && (
        <p className="tk-note">
          {t('ticket.noAccounts')} <a href={hrefFor('settings', 'exchanges')}>{t('ticket.createAccount')}</a>
        </p>
      )}
      {account && chartVenue && account.venue !== chartVenue && <p className="tk-note tk-warn">{t('ticket.venueMismatch', { venue: account.venue, chartVenue })}</p>}
      {account?.mode === 'live' && account.liveEnabled === false && <p className="tk-note tk-warn">{t('ticket.liveDisabled')}</p>}
    </div>
  )
}
