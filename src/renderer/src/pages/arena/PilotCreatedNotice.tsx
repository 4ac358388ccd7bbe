import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PilotState } from '../../../../shared/domain/agents/pilot'
import { formatMoney } from '../../format/numbers'
import { dismissCreatedPilot, usePilotEditorStore } from '../../stores/pilot-editor-store'

/**
 * On the card of a pilot just created here: it is paused, and Resume (just
 * below, on the same card) starts it. Brought into view when it appears;
 * gone once the pilot runs or the trader dismisses it.
 */
export function PilotCreatedNotice({ pilotId, name, state }: { pilotId: string; name: string; state: PilotState | null }): React.JSX.Element | null {
  const { t } = useTranslation()
  const created = usePilotEditorStore((s) => (s.created?.pilotId === pilotId ? s.created : null))
  // The dialog gives focus back to "New pilot" as it closes, which scrolls up: bring the card into view after that.
  const dialogOpen = usePilotEditorStore((s) => s.creating)
  const ref = useRef<HTMLDivElement>(null)
  const shown = created !== null && state === 'paused'
  const reveal = shown && !dialogOpen
  useEffect(() => {
    // The whole card, centred: its Resume button stays in view when the leaderboard's new row pushes it down.
    if (reveal) ref.current?.closest('.pilot-card')?.scrollIntoView({ block: 'center' })
  }, [reveal])
  if (!shown) return null
  return (
    <div ref={ref} className="notice pilot-created-notice" role="status" data-testid="pilot-created">
      <span>{t('pilotSettings.created', { name, account: created.accountId, balance: formatMoney(created.startingBalance) })}</span>
      <button type="button" className="btn btn-tiny" onClick={dismissCreatedPilot} data-testid="pilot-created-dismiss">
        {t('pilotSettings.dismiss')}
      </button>
    </div>
  )
}
