import { useTranslation } from 'react-i18next'
import { showHiddenApprovals, useApprovalsStore } from '../../stores/approvals-store'
import { Countdown } from './Countdown'

/** In the header while a hidden second approval still waits: its countdown, and a click brings the dialog back. */
export function ApprovalChip(): React.JSX.Element | null {
  const { t } = useTranslation()
  const first = useApprovalsStore((s) => s.pending.find((p) => s.hidden.includes(p.id)) ?? null)
  if (!first) return null
  return (
    <button type="button" className="approval-chip" onClick={showHiddenApprovals} title={first.title} data-testid="approval-chip">
      <span>{t('approval.waiting')}</span>
      <Countdown expiresAt={first.expiresAt} />
    </button>
  )
}
