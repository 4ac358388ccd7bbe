import { useTranslation } from 'react-i18next'
import { useRiskStore } from '../../stores/risk-store'
import { displayState, DESK, statusOf } from '../../stores/risk-state'
import { RiskStateBadge } from '../RiskStateBadge'
import { ScopeActions } from './ScopeActions'

/** The desk's trading state in the header, always visible, with its pause / resume / lift-halt action. */
export function DeskRiskControls(): React.JSX.Element {
  const { t } = useTranslation()
  const status = useRiskStore((s) => statusOf(s.statuses, DESK))
  const statusError = useRiskStore((s) => s.statusError)
  const state = displayState(status)
  const reasons = status?.reasons.length ? status.reasons.join(' · ') : undefined
  return (
    <div className={`desk-risk desk-${state ?? 'unknown'}`} data-testid="desk-risk">
      <span className="desk-label">{t('desk.label')}</span>
      <span title={reasons}>
        <RiskStateBadge state={state} unknownReason={statusError?.message} testId="desk-state" />
      </span>
      <ScopeActions scope={DESK} status={status} testId="desk-actions" />
    </div>
  )
}
