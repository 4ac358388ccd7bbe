import { useTranslation } from 'react-i18next'
import type { KillReceipt } from '../../../../shared/contract/domains/risk'
import { formatDateTime } from '../../format/date-time'

/** What the kill switch did, in the venues' own count: complete only when no open order remains. */
export function KillReceiptView({ receipt, final }: { receipt: KillReceipt; final: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const complete = receipt.completedAt !== null && receipt.openOrdersRemaining === 0
  const status = complete ? 'complete' : receipt.completedAt === null ? 'running' : 'incomplete'
  return (
    <section className={`kill-receipt kill-${status}`} data-testid={final ? 'kill-receipt' : 'kill-progress'} data-status={status} aria-live="polite">
      <p className={`kill-status kill-status-${status}`}>{t(`killSwitch.status.${status}`, { attempts: receipt.attempts })}</p>
      <dl className="facts receipt-facts">
        <dt>{t('killSwitch.ordersCancelled')}</dt>
        <dd className="mono">{receipt.ordersCancelled}</dd>
        <dt>{t('killSwitch.positionsFlattened')}</dt>
        <dd className="mono">{receipt.flatten ? receipt.positionsFlattened : t('killSwitch.notAsked')}</dd>
        <dt>{t('killSwitch.openOrdersRemaining')}</dt>
        <dd className={`mono ${receipt.openOrdersRemaining === 0 ? 'tone-up' : 'tone-down'}`} data-testid="kill-open-remaining">
          {receipt.openOrdersRemaining}
        </dd>
        <dt>{t('killSwitch.attempts')}</dt>
        <dd className="mono">{receipt.attempts}</dd>
        <dt>{t('killSwitch.engagedAt')}</dt>
        <dd className="mono">{formatDateTime(receipt.engagedAt)}</dd>
        {receipt.completedAt !== null && (
          <>
            <dt>{t('killSwitch.completedAt')}</dt>
            <dd className="mono">{formatDateTime(receipt.completedAt)}</dd>
          </>
        )}
      </dl>
      {receipt.perAccount.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('killSwitch.perAccount.account')}</th>
              <th className="num">{t('killSwitch.perAccount.openOrders')}</th>
              <th className="num">{t('killSwitch.perAccount.positions')}</th>
              <th>{t('killSwitch.perAccount.error')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.perAccount.map((row) => (
              <tr key={row.accountId}>
                <td className="mono">{row.accountId}</td>
                <td className="num">{row.openOrders}</td>
                <td className="num">{row.positions}</td>
                <td className={row.error ? 'tone-down' : 'muted'}>{row.error ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
