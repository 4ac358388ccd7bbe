import { useTranslation } from 'react-i18next'
import type { DecisionOutcome } from '../../../../shared/domain/agents/decision'
import './outcome.css'

/** How a role run ended, coloured by what it means for trading: green parsed, cyan repaired, grey no action, red failed, amber vetoed. */
export function OutcomeBadge({ outcome, testId }: { outcome: DecisionOutcome; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <span className={`tone-badge outcome-${outcome}`} title={t(`feed.outcomeHint.${outcome}`)} data-testid={testId} data-outcome={outcome}>
      {t(`feed.outcome.${outcome}`)}
    </span>
  )
}
