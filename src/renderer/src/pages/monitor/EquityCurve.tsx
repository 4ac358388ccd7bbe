import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { paletteFrom } from '../../charts/chart-palette'
import { createEquityChart } from '../../charts/equity-chart'
import { loadEquityCurve, usePortfolioStore, type PortfolioState } from '../../stores/portfolio-store'

/**
 * One account's equity curve. Loaded once, then extended by
 * `portfolio.updated` through a store subscription: a new point goes to
 * `series.update`, and React re-renders only when the curve first appears.
 */
export function EquityCurve({ accountId }: { accountId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const hostRef = useRef<HTMLDivElement>(null)
  const hasPoints = usePortfolioStore((s) => (s.curves[accountId]?.length ?? 0) > 0)
  const loaded = usePortfolioStore((s) => s.curves[accountId] !== undefined)
  const error = usePortfolioStore((s) => s.curveErrors[accountId])

  useEffect(() => {
    void loadEquityCurve(accountId)
  }, [accountId])

  useEffect(() => {
    const host = hostRef.current!
    const chart = createEquityChart(host, paletteFrom(host), getComputedStyle(host).fontFamily)
    const apply = (state: PortfolioState, prev: PortfolioState | null): void => {
      const curve = state.curves[accountId]
      const before = prev?.curves[accountId]
      if (!curve || curve === before) return
      // One point more (or the last one replaced): the per-update path; anything else redraws.
      if (before && before.length > 0 && (curve.length === before.length + 1 || curve.length === before.length)) chart.update(curve.at(-1)!)
      else chart.setPoints(curve)
      host.dataset.points = String(curve.length)
    }
    apply(usePortfolioStore.getState(), null)
    const unsubscribe = usePortfolioStore.subscribe(apply)
    return () => {
      unsubscribe()
      chart.dispose()
    }
  }, [accountId])

  const overlay = error ? t('monitor.curveFailed', { message: error.message }) : !loaded ? t('common.loading') : !hasPoints ? t('monitor.curveEmpty') : null
  return (
    <div className="equity-curve">
      <div ref={hostRef} className="equity-chart" data-testid="equity-chart" />
      {overlay && (
        <div className={error ? 'equity-overlay tone-down' : 'equity-overlay'} title={error?.code}>
          {overlay}
        </div>
      )}
    </div>
  )
}
