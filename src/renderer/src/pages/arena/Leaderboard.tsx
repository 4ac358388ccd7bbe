import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { LeaderboardRow } from '../../../../shared/domain/agents/arena'
import { Card } from '../../components/Card'
import { formatMoney, formatPct, formatQuantity } from '../../format/numbers'
import { LEADERBOARD_COLUMNS, rankByNetReturn, sortLeaderboard, type LeaderboardColumn } from '../../stores/arena-state'
import { sortLeaderboardBy, useArenaStore } from '../../stores/arena-store'
import { formatUsdCost } from '../feed/format-decision'
import { formatRatio, formatSignedPct, returnTone } from './format-arena'
import { PilotStateBadge } from './PilotStateBadge'

const NUMERIC: ReadonlySet<LeaderboardColumn> = new Set(['rank', 'returnPct', 'sharpe', 'maxDrawdownPct', 'winRatePct', 'trades', 'fees', 'modelCostUsd', 'netReturnPct'])

interface LeaderboardProps {
  /** null until the kernel answers. */
  rows: readonly LeaderboardRow[] | null
  colors: ReadonlyMap<string, string>
  /** The pilot list's state, fresher than the row's (it hears `pilots.changed` at once). */
  states: Readonly<Record<string, LeaderboardRow['state']>>
}

/** Every pilot's figures, sortable by any column; rank is always by net return. */
export function Leaderboard({ rows, colors, states }: LeaderboardProps): React.JSX.Element {
  const { t } = useTranslation()
  const sort = useArenaStore((s) => s.sort)
  const ranks = useMemo(() => rankByNetReturn(rows ?? []), [rows])
  const sorted = useMemo(() => sortLeaderboard(rows ?? [], sort, ranks), [rows, sort, ranks])

  return (
    <Card title={t('arena.leaderboard')} className="leaderboard-card" testId="arena-leaderboard">
      <div className="leaderboard-scroll">
        <table className="data-table leaderboard">
          <thead>
            <tr>
              {LEADERBOARD_COLUMNS.map((column) => {
                const active = sort.column === column
                return (
                  <th
                    key={column}
                    className={NUMERIC.has(column) && column !== 'rank' ? 'num' : undefined}
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                    title={t(`arena.columnHints.${column}`)}
                  >
                    <button
                      type="button"
                      className={active ? 'sort-button active' : 'sort-button'}
                      onClick={() => sortLeaderboardBy(column)}
                      aria-label={t('arena.sortHint', { column: t(`arena.columns.${column}`) })}
                      data-testid={`arena-sort-${column}`}
                    >
                      {t(`arena.columns.${column}`)}
                      <span className="sort-arrow" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 && (
              <tr className="empty-row">
                <td colSpan={LEADERBOARD_COLUMNS.length}>{rows === null ? t('arena.loading') : t('arena.noRows')}</td>
              </tr>
            )}
            {sorted.map((row) => (
              <tr key={row.pilotId} data-testid="arena-row" data-pilot={row.pilotId}>
                <td className="mono rank">{ranks.get(row.pilotId)}</td>
                <td>
                  <span className="pilot-swatch" style={{ background: colors.get(row.pilotId) }} aria-hidden="true" />
                  <span className="strong">{row.name}</span>
                </td>
                <td className="mono model-cell" title={row.model}>
                  {row.model}
                </td>
                <td>
                  <PilotStateBadge state={states[row.pilotId] ?? row.state} testId="arena-row-state" />
                </td>
                <td className={`num tone-${returnTone(row.returnPct)}`} data-testid="arena-return">
                  {formatSignedPct(row.returnPct)}
                </td>
                <td className="num">{formatRatio(row.sharpe)}</td>
                <td className="num">{formatPct(row.maxDrawdownPct)}</td>
                <td className="num">{formatPct(row.winRatePct, 1)}</td>
                <td className="num">{formatQuantity(row.trades, 0)}</td>
                <td className="num">{formatMoney(row.fees)}</td>
                <td className="num">{formatUsdCost(row.modelCostUsd)}</td>
                <td className={`num strong tone-${returnTone(row.netReturnPct)}`} data-testid="arena-net-return">
                  {formatSignedPct(row.netReturnPct)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
