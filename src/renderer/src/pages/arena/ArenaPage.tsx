import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { getClient } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { subscribeArenaEvents } from '../../stores/arena-events'
import { loadPilots, usePilotsStore } from '../../stores/arena-pilots-store'
import { joinPilots, pilotColors } from '../../stores/arena-state'
import { loadArena, useArenaStore } from '../../stores/arena-store'
import { useConnectionStore } from '../../stores/connection-store'
import { openNewPilot } from '../../stores/pilot-editor-store'
import { ArenaEquityChart } from './ArenaEquityChart'
import { Leaderboard } from './Leaderboard'
import { PilotCard } from './PilotCard'
import { PilotSettingsHost } from './PilotSettingsHost'
import './arena.css'

/**
 * The Arena: pilots side by side on the same market, ranked by return after
 * model cost, their equity curves on one chart, and a card each with
 * positions, latest decision and controls.
 */
export function ArenaPage(): React.JSX.Element {
  const { t } = useTranslation()
  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    const unsubscribe = subscribeArenaEvents(getClient())
    void loadArena()
    void loadPilots()
    return unsubscribe
  }, [connected])

  const rows = useArenaStore((s) => s.rows)
  const views = useArenaStore((s) => s.views)
  const rowsError = useArenaStore((s) => s.rowsError)
  const viewsError = useArenaStore((s) => s.viewsError)
  const statuses = usePilotsStore((s) => s.statuses)
  const pilotsError = usePilotsStore((s) => s.error)

  const pilots = useMemo(() => joinPilots(rows ?? [], statuses ?? {}, views ?? []), [rows, statuses, views])
  const colors = useMemo(() => pilotColors(pilots.map((p) => p.pilotId)), [pilots])
  const states = useMemo(() => Object.fromEntries(Object.values(statuses ?? {}).map((s) => [s.config.id, s.state])), [statuses])
  const answered = rows !== null || statuses !== null

  return (
    <div className="page page-arena" data-testid="page-arena">
      <PageHeader
        title={t('nav.arena')}
        subtitle={t('arena.subtitle')}
        aside={
          <button type="button" className="btn btn-primary" onClick={openNewPilot} disabled={!connected} title={t('pilotSettings.newPilotHint')} data-testid="arena-new-pilot">
            {t('pilotSettings.newPilot')}
          </button>
        }
      />
      {rowsError && <ErrorAlert error={rowsError} message={t('arena.leaderboardFailed', { message: rowsError.message })} testId="arena-leaderboard-error" />}
      {pilotsError && <ErrorAlert error={pilotsError} message={t('arena.pilotsFailed', { message: pilotsError.message })} testId="arena-pilots-error" />}
      {viewsError && views === null && <ErrorAlert error={viewsError} message={t('arena.viewsFailed', { message: viewsError.message })} testId="arena-views-error" />}
      {answered && pilots.length === 0 && !rowsError && !pilotsError ? (
        <div className="card arena-empty" data-testid="arena-empty">
          <p className="muted">{t('arena.empty')}</p>
        </div>
      ) : (
        <>
          <Leaderboard rows={rows} colors={colors} states={states} />
          <ArenaEquityChart pilots={pilots} colors={colors} />
          <div className="pilot-grid">
            {pilots.map((pilot) => (
              <PilotCard key={pilot.pilotId} pilot={pilot} color={colors.get(pilot.pilotId) ?? 'var(--border-strong)'} />
            ))}
          </div>
        </>
      )}
      <PilotSettingsHost />
    </div>
  )
}
