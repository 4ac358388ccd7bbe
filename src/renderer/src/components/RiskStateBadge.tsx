import { useTranslation } from 'react-i18next'
import type { RiskDisplayState } from '../stores/risk-state'

/** ACTIVE / REDUCE-ONLY / PAUSED / HALTED, or a muted dash while the state is unknown (the reason on hover). */
export function RiskStateBadge({ state, unknownReason, testId }: { state: RiskDisplayState | null; unknownReason?: string; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  if (state === null) {
    return (
      <span className="risk-badge risk-unknown" title={unknownReason ?? t('riskState.unknownHint')} data-testid={testId} data-state="unknown">
        {t('riskState.unknown')}
      </span>
    )
  }
  return (
    <span className={`risk-badge risk-${state}`} title={t(`riskState.hints.${state}`)} data-testid={testId} data-state={state}>
      {t(`riskState.${state}`)}
    </span>
  )
}
