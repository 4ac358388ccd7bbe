import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Position } from '../../../../shared/domain/order'
import { PositionRowsTable } from '../../components/trading/PositionsTable'
import { formatDateTime } from '../../format/date-time'
import { formatMoney, formatQuantity } from '../../format/numbers'
import { hrefFor } from '../../navigation/routes'
import { usePilotsStore } from '../../stores/arena-pilots-store'
import { openPilotSettings } from '../../stores/pilot-editor-store'
import type { ArenaPilot } from '../../stores/arena-state'
import { feedHref } from '../../stores/feed-state'
import { formatUsdCost } from '../feed/format-decision'
import { OutcomeBadge } from '../feed/OutcomeBadge'
import { formatSignedPct, returnTone } from './format-arena'
import { PilotControls } from './PilotControls'
import { PilotCreatedNotice } from './PilotCreatedNotice'
import { PilotStateBadge } from './PilotStateBadge'

const NO_POSITIONS: readonly Position[] = []

/** Time of day only: the date is today's for anything a pilot just did or is about to do. */
const timeOfDay = (epochMs: number): string => formatDateTime(epochMs).slice(11)

/** One pilot: its figures, positions, latest decision and controls. */
export function PilotCard({ pilot, color }: { pilot: ArenaPilot; color: string }): React.JSX.Element {
  const { t } = useTranslation()
  const { row, status, view } = pilot
  const lastCycle = usePilotsStore((s) => s.lastCycles[pilot.pilotId])
  return (
    <section className={`card pilot-card pilot-card-${pilot.state ?? 'unknown'}`} style={{ borderTopColor: color }} data-testid="pilot-card" data-pilot={pilot.pilotId}>
      <header className="pilot-card-head">
        <span className="pilot-swatch" style={{ background: color }} aria-hidden="true" />
        <div className="pilot-title">
          <h2 className="pilot-name">{pilot.name}</h2>
          <span className="mono dim pilot-model" title={pilot.model}>
            {pilot.model}
          </span>
        </div>
        <PilotStateBadge state={pilot.state} detail={status?.detail} testId="pilot-state" />
        {status && (
          <button type="button" className="btn btn-small" title={t('pilotSettings.openHint')} onClick={() => openPilotSettings(pilot.pilotId)} data-testid="pilot-settings-open">
            {t('pilotSettings.open')}
          </button>
        )}
      </header>

      <PilotCreatedNotice pilotId={pilot.pilotId} name={pilot.name} state={pilot.state} />

      {pilot.state === 'waiting_for_key' && (
        <div className="notice notice-warn pilot-key-notice" data-testid="pilot-waiting-key">
          <span>{t('arena.pilot.waitingForKey')}</span>
          <a href={hrefFor('settings', 'models')} data-testid="pilot-open-models">
            {t('arena.pilot.openModels')}
          </a>
        </div>
      )}

      <dl className="pilot-figures">
        <div>
          <dt>{t('arena.pilot.equity')}</dt>
          <dd className="mono">{formatMoney(row?.equity ?? view?.equity.at(-1)?.equity)}</dd>
        </div>
        <div>
          <dt>{t('arena.columns.returnPct')}</dt>
          <dd className={`mono tone-${returnTone(row?.returnPct)}`}>{formatSignedPct(row?.returnPct)}</dd>
        </div>
        <div>
          <dt>{t('arena.columns.netReturnPct')}</dt>
          <dd className={`mono tone-${returnTone(row?.netReturnPct)}`}>{formatSignedPct(row?.netReturnPct)}</dd>
        </div>
        <div>
          <dt>{t('arena.columns.modelCostUsd')}</dt>
          <dd className="mono">{formatUsdCost(row?.modelCostUsd)}</dd>
        </div>
      </dl>

      <PilotPositions accountId={status?.config.accountId ?? pilot.pilotId} positions={view?.positions ?? NO_POSITIONS} />

      <div className="pilot-decision" data-testid="pilot-latest-decision">
        <h3 className="pilot-section-title">{t('arena.pilot.latestDecision')}</h3>
        {view?.latestDecision ? (
          <>
            <div className="pilot-decision-head">
              <span className="mono dim">{formatDateTime(view.latestDecision.startedAt)}</span>
              <span>{t(`agentRoles.${view.latestDecision.role}`)}</span>
              <OutcomeBadge outcome={view.latestDecision.outcome} />
            </div>
            <p className="pilot-conclusion">{view.latestDecision.conclusion}</p>
          </>
        ) : (
          <p className="muted">{t('arena.pilot.noDecision')}</p>
        )}
        <a href={feedHref({ pilotId: pilot.pilotId })} className="pilot-feed-link" data-testid="pilot-open-feed">
          {t('arena.pilot.openFeed')} →
        </a>
      </div>

      <footer className="pilot-foot">
        <div className="pilot-schedule dim">
          {status?.cycling && <span className="tone-warn">{t('arena.pilot.cycling')}</span>}
          {status?.lastCycleAt != null && <span>{t('arena.pilot.lastCycle', { time: timeOfDay(status.lastCycleAt) })}</span>}
          {status?.nextCycleAt != null && pilot.state === 'running' && <span>{t('arena.pilot.nextCycle', { time: timeOfDay(status.nextCycleAt) })}</span>}
          {status && (
            <span>{t('arena.pilot.spent', { tokens: formatQuantity(status.spentToday.tokens, 0), usd: formatUsdCost(status.spentToday.usd) })}</span>
          )}
        </div>
        {lastCycle && (
          <p className="pilot-last-run dim" data-testid="pilot-last-run" data-outcome={lastCycle.outcome}>
            {t('arena.pilot.lastRun', { outcome: t(`arena.cycleOutcome.${lastCycle.outcome}`), decisions: lastCycle.decisions, sent: lastCycle.sent })}
          </p>
        )}
        {status && <PilotControls status={status} />}
      </footer>
    </section>
  )
}

/** A pilot's open positions in the blotter's own table, trimmed to the columns a card has room for. */
function PilotPositions({ accountId, positions }: { accountId: string; positions: readonly Position[] }): React.JSX.Element {
  const { t } = useTranslation()
  const rows = useMemo(() => positions.map((position) => ({ accountId, position })), [accountId, positions])
  return (
    <div className="pilot-positions" data-testid="pilot-positions">
      <h3 className="pilot-section-title">{t('arena.pilot.positions')}</h3>
      {rows.length === 0 ? <p className="muted">{t('arena.pilot.noPositions')}</p> : <PositionRowsTable rows={rows} compact />}
    </div>
  )
}
