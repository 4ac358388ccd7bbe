import { useTranslation } from 'react-i18next'
import type { AccountStatus } from '../../../../../shared/contract/domains/accounts'
import { RiskStateBadge } from '../../../components/RiskStateBadge'
import { formatDateTime } from '../../../format/date-time'
import { displayState } from '../../../stores/risk-state'

/** Every account with its mode, trading state, live switch state and whether a key is stored. */
export function AccountsTable({ accounts, unavailable }: { accounts: readonly AccountStatus[]; unavailable: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <table className="data-table accounts-table" data-testid="accounts-table">
      <thead>
        <tr>
          <th>{t('exchanges.columns.account')}</th>
          <th>{t('exchanges.columns.venue')}</th>
          <th>{t('exchanges.columns.mode')}</th>
          <th>{t('exchanges.columns.risk')}</th>
          <th>{t('exchanges.columns.live')}</th>
          <th>{t('exchanges.columns.key')}</th>
          <th>{t('exchanges.columns.pilot')}</th>
          <th>{t('exchanges.columns.created')}</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id} data-testid="account-row" data-account-id={a.id}>
            <td>
              <span className="strong">{a.name}</span> <span className="mono dim">{a.id}</span>
            </td>
            <td className="mono">{a.venue}</td>
            <td>
              <span className={`mini-badge mode-${a.mode}`}>{t(a.mode === 'live' ? 'mode.live' : 'mode.paper')}</span>
            </td>
            <td>
              <RiskStateBadge state={displayState({ state: a.breaker, paused: a.paused })} />
            </td>
            <td className={a.liveEnabled ? 'tone-down strong' : 'dim'}>{a.mode === 'paper' ? '—' : a.liveEnabled ? t('exchanges.live.on') : t('exchanges.live.off')}</td>
            <td className={a.mode === 'live' && !a.keyStored ? 'tone-warn' : 'dim'}>{a.mode === 'paper' ? '—' : a.keyStored ? t('exchanges.key.storedShort') : t('exchanges.key.notStored')}</td>
            <td className="mono dim">{a.pilotId ?? '—'}</td>
            <td className="mono dim">{formatDateTime(a.createdAt)}</td>
          </tr>
        ))}
        {accounts.length === 0 && (
          <tr className="empty-row">
            <td colSpan={8}>{unavailable ? t('exchanges.unavailable') : t('exchanges.noAccounts')}</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
