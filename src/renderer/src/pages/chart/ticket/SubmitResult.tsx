import { useTranslation } from 'react-i18next'
import { clearOutcome, useTicketStore } from '../../../stores/ticket-store'

/** What became of the last Send: on its way, refused by risk, or refused at the second approval; or the call's own error. */
export function SubmitResult(): React.JSX.Element | null {
  const { t } = useTranslation()
  const outcome = useTicketStore((s) => s.outcome)
  const error = useTicketStore((s) => s.submitError)
  const submitting = useTicketStore((s) => s.submitting)

  if (submitting) {
    return (
      <p className="tk-outcome outcome-pending" role="status" data-testid="ticket-outcome" data-status="pending">
        {t('ticket.outcome.pending')}
      </p>
    )
  }
  if (error) {
    return (
      <div className="tk-outcome outcome-error" role="alert" data-testid="ticket-outcome" data-status="error" data-code={error.code}>
        <span>{t('ticket.outcome.failed', { message: error.message })}</span>
        <button type="button" className="tk-dismiss" onClick={clearOutcome} aria-label={t('common.dismiss')}>
          ×
        </button>
      </div>
    )
  }
  if (!outcome) return null
  // Sent, but the venue already refused it (post-only would take, funds): say so, not just "sent".
  const refused = outcome.status === 'sent' && outcome.order !== null && (outcome.order.state === 'rejected' || outcome.order.state === 'expired')
  return (
    <div className={`tk-outcome outcome-${refused ? 'rejected' : outcome.status}`} role="status" data-testid="ticket-outcome" data-status={outcome.status} data-order-state={outcome.order?.state ?? ''}>
      <div className="tk-outcome-line">
        <strong>{refused ? t('ticket.outcome.venueRefused') : t(`ticket.outcome.${outcome.status}`)}</strong>
        <span className="tk-outcome-message">{outcome.message}</span>
        <button type="button" className="tk-dismiss" onClick={clearOutcome} aria-label={t('common.dismiss')}>
          ×
        </button>
      </div>
      {outcome.status === 'rejected' && outcome.verdict.reasons.length > 0 && (
        // The message already says each reason in words; the codes are what to search the audit log for.
        <p className="tk-outcome-codes" data-testid="outcome-reason-codes">
          {outcome.verdict.reasons.map((r) => r.code).join(' · ')}
        </p>
      )}
    </div>
  )
}
