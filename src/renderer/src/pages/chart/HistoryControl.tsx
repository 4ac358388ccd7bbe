import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { HistoryDownload } from '../../../../shared/contract/domains/market-history'
import type { ContractError } from '../../../../shared/contract/envelope'
import { useMarketCatalogStore } from '../../stores/market-catalog-store'
import { cancelHistoryDownload, downloadRecentHistory, historyKey, HISTORY_DAYS, useMarketHistoryStore, watchHistoryDownloads } from '../../stores/market-history-store'
import { formatFixed } from './format-market'

/**
 * The History button of the Chart toolbar: downloads the last 30 days of
 * the chart's symbol and timeframe into the local market data file, shows
 * its progress (at most four updates a second from the kernel), the final
 * count, and a cancel. Only this component re-renders on progress.
 */
export function HistoryControl(): React.JSX.Element | null {
  const { t } = useTranslation()
  const selection = useMarketCatalogStore((s) => s.selection)
  const key = selection ? historyKey(selection) : ''
  const download = useMarketHistoryStore((s) => s.downloads[key])
  const error = useMarketHistoryStore((s) => s.errors[key])
  useEffect(() => watchHistoryDownloads(), [])
  if (!selection) return null

  const hint = t('chart.history.hint', { days: HISTORY_DAYS, symbol: selection.symbol, timeframe: selection.timeframe })
  if (download?.status === 'running') return <HistoryProgress download={download} hint={hint} />
  const result = outcome(t, download, error)
  return (
    <div className="history-control" data-testid="history-control" data-status={error ? 'refused' : (download?.status ?? 'idle')}>
      <button type="button" className="history-button" onClick={() => void downloadRecentHistory(selection)} title={hint} data-testid="history-download">
        {t('chart.history.download', { days: HISTORY_DAYS })}
      </button>
      {result && (
        <span className={`history-outcome history-${result.tone}`} title={result.title} data-testid="history-result">
          {result.text}
        </span>
      )}
    </div>
  )
}

function HistoryProgress({ download, hint }: { download: HistoryDownload; hint: string }): React.JSX.Element {
  const { t } = useTranslation()
  const percent = download.total > 0 ? Math.floor((download.done / download.total) * 100) : 0
  return (
    <div className="history-control" data-testid="history-control" data-status="running">
      <span className="history-bar" role="progressbar" aria-label={t('chart.history.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} title={hint}>
        <span className="history-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="history-text mono" data-testid="history-percent">
        {percent}%
      </span>
      <button
        type="button"
        className="history-cancel"
        onClick={() => void cancelHistoryDownload(download.downloadId)}
        title={t('chart.history.cancel')}
        aria-label={t('chart.history.cancel')}
        data-testid="history-cancel"
      >
        ×
      </button>
    </div>
  )
}

interface Outcome {
  text: string
  /** The detail on hover: counts, or the kernel's message for a failure. */
  title: string
  tone: 'completed' | 'failed' | 'cancelled'
}

function outcome(t: TFunction, download: HistoryDownload | undefined, error: ContractError | undefined): Outcome | null {
  if (error) return { text: t('chart.history.refused'), title: error.message, tone: 'failed' }
  if (!download) return null
  switch (download.status) {
    case 'running':
      return null
    case 'completed': {
      const candles = formatFixed(download.total - download.missing, 0)
      const title = t('chart.history.completedHint', { fetched: formatFixed(download.fetched, 0), missing: formatFixed(download.missing, 0) })
      return { text: t('chart.history.completed', { candles }), title, tone: 'completed' }
    }
    case 'failed':
      return { text: t('chart.history.failed'), title: download.error ?? '', tone: 'failed' }
    case 'cancelled':
      return { text: t('chart.history.cancelled'), title: '', tone: 'cancelled' }
    default:
      return assertNever(download.status)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected download status ${JSON.stringify(value)}`)
}
