import { useTranslation } from 'react-i18next'
import type { PilotState } from '../../../../shared/domain/agents/pilot'

/** Whether a pilot trades right now, and if not, why: green running, amber paused or over budget, red halted. */
export function PilotStateBadge({ state, detail, testId }: { state: PilotState | null; detail?: string | null; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const key = state ?? 'unknown'
  const hint = t(`arena.stateHint.${key}`)
  return (
    <span className={`tone-badge pilot-state-${key}`} title={detail ? `${hint}: ${detail}` : hint} data-testid={testId} data-state={key}>
      {t(`arena.state.${key}`)}
    </span>
  )
}
