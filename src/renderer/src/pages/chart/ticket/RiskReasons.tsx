import { useTranslation } from 'react-i18next'
import type { RiskReason } from '../../../../../shared/domain/risk'
import { formatQuantity } from '../../../format/numbers'

/** Every reason of a verdict: the code for the log, the kernel's sentence for the trader, and the numbers behind it. */
export function RiskReasons({ reasons }: { reasons: readonly RiskReason[] }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (reasons.length === 0) return null
  return (
    <ul className="risk-reasons" data-testid="risk-reasons">
      {reasons.map((reason, i) => (
        <li key={`${reason.code}-${i}`} data-code={reason.code}>
          <span className="reason-code">{reason.code}</span>
          <span className="reason-message">{reason.message}</span>
          {(reason.limit !== null || reason.actual !== null) && (
            <span className="reason-numbers">
              {t('ticket.preview.limitActual', { limit: formatQuantity(reason.limit, 6), actual: formatQuantity(reason.actual, 6) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
