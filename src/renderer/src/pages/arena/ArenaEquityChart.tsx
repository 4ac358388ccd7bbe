import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { paletteFrom } from '../../charts/chart-palette'
import { Card } from '../../components/Card'
import { SegmentedControl } from '../../components/SegmentedControl'
import { formatMoney } from '../../format/numbers'
import { toReturnCurve, type ArenaPilot } from '../../stores/arena-state'
import { useArenaStore } from '../../stores/arena-store'
import { createArenaChart, type ArenaChart, type PilotCurve } from './arena-chart'
import { curveBaseline, type CurveUnit } from './arena-scale'
import { formatSignedPct, returnTone } from './format-arena'

/**
 * Every pilot's equity on one chart, a coloured line each, with a legend.
 * In "return %" the curves share an axis whatever each pilot started with.
 * The data changes at most every two seconds (the coalesced refetch), so
 * React hands it to the chart on each change.
 */
export function ArenaEquityChart({ pilots, colors }: { pilots: readonly ArenaPilot[]; colors: ReadonlyMap<string, string> }): React.JSX.Element {
  const { t } = useTranslation()
  const hostRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<ArenaChart | null>(null)
  const [unit, setUnit] = useState<CurveUnit>('percent')
  const viewsError = useArenaStore((s) => s.viewsError)
  const loaded = useArenaStore((s) => s.views !== null)

  const curves = useMemo<PilotCurve[]>(
    () =>
      pilots
        .filter((p) => p.view && p.view.equity.length > 0)
        .map((p) => ({
          pilotId: p.pilotId,
          color: colors.get(p.pilotId) ?? '#94a3b8',
          points: unit === 'percent' ? toReturnCurve(p.view!.equity, p.row?.startingEquity ?? null) : p.view!.equity.map((e) => ({ at: e.at, value: e.equity })),
          baseline: curveBaseline(unit, p.row?.startingEquity, p.view!.equity),
        })),
    [pilots, colors, unit],
  )

  useEffect(() => {
    const host = hostRef.current!
    const chart = createArenaChart(host, paletteFrom(host), getComputedStyle(host).fontFamily)
    chartRef.current = chart
    return () => {
      chartRef.current = null
      chart.dispose()
    }
  }, [])

  useEffect(() => {
    chartRef.current?.setCurves(curves, unit)
    hostRef.current!.dataset.series = String(curves.length)
    hostRef.current!.dataset.points = String(curves.reduce((n, c) => n + c.points.length, 0))
  }, [curves, unit])

  const overlay = viewsError && curves.length === 0 ? t('arena.chart.failed', { message: viewsError.message }) : !loaded ? t('arena.loading') : curves.length === 0 ? t('arena.chart.empty') : null
  return (
    <Card
      title={t('arena.chart.title')}
      className="arena-chart-card"
      testId="arena-chart-card"
      aside={
        <SegmentedControl<CurveUnit>
          label={t('arena.chart.values')}
          value={unit}
          options={[
            { value: 'percent', label: t('arena.chart.returnPct') },
            { value: 'money', label: t('arena.chart.equity') },
          ]}
          onChange={setUnit}
          testId="arena-chart-unit"
        />
      }
    >
      <div className="arena-chart-wrap">
        <div ref={hostRef} className="arena-chart" data-testid="arena-chart" />
        {overlay && <div className={viewsError ? 'arena-chart-overlay tone-down' : 'arena-chart-overlay'}>{overlay}</div>}
      </div>
      <ul className="arena-legend" aria-label={t('arena.chart.legend')} data-testid="arena-legend">
        {pilots.map((p) => {
          const last = p.view?.equity.at(-1)?.equity ?? p.row?.equity ?? null
          return (
            <li key={p.pilotId} data-pilot={p.pilotId}>
              <span className="legend-line" style={{ background: colors.get(p.pilotId) }} aria-hidden="true" />
              <span className="legend-name">{p.name}</span>
              {p.row && <span className={`mono tone-${returnTone(p.row.returnPct)}`}>{formatSignedPct(p.row.returnPct)}</span>}
              {last !== null && <span className="mono dim">{formatMoney(last)}</span>}
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
