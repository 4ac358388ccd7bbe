import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { dismissAnswer, hideApproval, pruneExpired, useApprovalsStore } from '../../stores/approvals-store'
import { Modal } from '../Modal'
import { Countdown } from './Countdown'

/**
 * Mirrors a second approval waiting on the main side (native dialog or
 * terminal code). It has no Approve button, by design: the renderer (or
 * anything that drives it) must never be able to approve its own request.
 * It closes when the kernel resolves the request, after showing the answer.
 */
export function ApprovalDialog(): React.JSX.Element | null {
  const { t } = useTranslation()
  const current = useApprovalsStore((s) => s.pending.find((p) => !s.hidden.includes(p.id)) ?? null)
  const waiting = useApprovalsStore((s) => s.pending.length - 1)
  const answered = useApprovalsStore((s) => s.answered)

  // Normally the kernel resolves an expired request; if its event never comes (a dropped connection), stop showing it.
  const expiresAt = useApprovalsStore((s) => s.pending[0]?.expiresAt)
  useEffect(() => {
    if (expiresAt === undefined) return
    const timer = setTimeout(() => pruneExpired(), Math.max(0, expiresAt - Date.now()) + 6000)
    return () => clearTimeout(timer)
  }, [expiresAt])

  if (current) {
    return (
      <Modal
        title={t('approval.title')}
        tone="warn"
        role="alertdialog"
        onClose={() => hideApproval(current.id)}
        testId="approval-dialog"
        footer={
          <button type="button" className="btn" onClick={() => hideApproval(current.id)} title={t('approval.hideHint')} data-autofocus data-testid="approval-hide">
            {t('approval.hide')}
          </button>
        }
      >
        <p className="approval-request" data-testid="approval-title">
          {current.title}
        </p>
        {current.details.length > 0 && (
          <ul className="approval-details">
            {current.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        <p className="approval-where" data-testid="approval-where" data-channel={current.channel}>
          {t(`approval.where.${current.channel}`)}
        </p>
        <div className="approval-footer">
          <Countdown key={current.id} expiresAt={current.expiresAt} />
          {waiting > 0 && <span className="muted">{t('approval.more', { count: waiting })}</span>}
        </div>
        <p className="field-hint">{t('approval.byDesign')}</p>
      </Modal>
    )
  }
  if (answered) {
    const tone = answered.answer === 'approved' ? 'default' : 'warn'
    return (
      <Modal title={t('approval.title')} tone={tone} onClose={dismissAnswer} testId="approval-dialog">
        <p className="approval-request">{answered.approval.title}</p>
        <p className={`approval-answer answer-${answered.answer}`} role="status" data-testid="approval-answer" data-answer={answered.answer}>
          {t(`approval.answers.${answered.answer}`)}
        </p>
      </Modal>
    )
  }
  return null
}
