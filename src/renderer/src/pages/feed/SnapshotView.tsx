import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SegmentedControl } from '../../components/SegmentedControl'
import { formatDateTime } from '../../format/date-time'
import { isSnapshotHash, loadSnapshot, useFeedDetailStore } from '../../stores/feed-detail-store'
import { prettyJson } from './format-decision'
import { LoadError } from './LoadError'
import { snapshotRows, snapshotTimeframes } from './snapshot-rows'

/** The frozen market a decision saw: a compact table per symbol, and the raw JSON for an audit. */
export function SnapshotView({ hash }: { hash: string }): React.JSX.Element {
  const { t } = useTranslation()
  const entry = useFeedDetailStore((s) => s.snapshots[hash])
  const valid = isSnapshotHash(hash)
  useEffect(() => {
    if (valid) void loadSnapshot(hash)
  }, [hash, valid])

  const snapshot = entry?.value ?? null
  const timeframes = useMemo(() => (snapshot ? snapshotTimeframes(snapshot) : []), [snapshot])
  const [chosen, setChosen] = useState<string | null>(null)
  const timeframe = chosen !== null && timeframes.includes(chosen) ? chosen : timeframes.includes('1h') ? '1h' : (timeframes[0] ?? '')
  const rows = useMemo(() => (snapshot ? snapshotRows(snapshot, timeframe) : []), [snapshot, timeframe])
  // The raw JSON can run to hundreds of kilobytes: built only once the trader opens it.
  const [rawOpen, setRawOpen] = useState(false)

  if (!valid) return <p className="muted">{t('feed.detail.snapshotNone')}</p>
  if (entry?.error && !snapshot) return <LoadError error={entry.error} text={t('feed.detail.snapshotFailed', { message: entry.error.message })} testId="feed-snapshot-error" />
  if (!snapshot) return <p className="muted">{t('feed.detail.snapshotLoading')}</p>

  return (
    <div className="snapshot-view" data-testid="feed-snapshot">
      <div className="snapshot-head">
        <span className="dim">{t('feed.detail.snapshotTaken', { time: formatDateTime(snapshot.takenAt) })}</span>
        {timeframes.length > 1 && (
          <span className="snapshot-timeframe">
            <span className="dim">{t('feed.snapshotTable.timeframe')}</span>
            <SegmentedControl label={t('feed.snapshotTable.timeframe')} value={timeframe} options={timeframes.map((tf) => ({ value: tf, label: tf }))} onChange={setChosen} testId="feed-snapshot-timeframe" />
          </span>
        )}
      </div>
      <div className="snapshot-scroll">
        <table className="data-table compact" data-testid="feed-snapshot-table">
          <thead>
            <tr>
              <th>{t('feed.snapshotTable.symbol')}</th>
              <th className="num">{t('feed.snapshotTable.last')}</th>
              <th className="num">{t('feed.snapshotTable.bid')}</th>
              <th className="num">{t('feed.snapshotTable.ask')}</th>
              <th className="num">{t('feed.snapshotTable.change')}</th>
              <th className="num">{t('feed.snapshotTable.funding')}</th>
              <th className="num">{t('feed.snapshotTable.rsi')}</th>
              <th className="num">{t('feed.snapshotTable.ema20')}</th>
              <th className="num">{t('feed.snapshotTable.ema50')}</th>
              <th className="num">{t('feed.snapshotTable.macd')}</th>
              <th className="num">{t('feed.snapshotTable.atr')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.venue}:${row.symbol}`} data-symbol={row.symbol}>
                <td className="mono" title={row.venue}>
                  {row.symbol}
                </td>
                <td className="num">{row.last}</td>
                <td className="num">{row.bid}</td>
                <td className="num">{row.ask}</td>
                <td className={`num tone-${row.changeTone}`}>{row.change}</td>
                <td className="num">{row.funding}</td>
                <td className="num">{row.rsi}</td>
                <td className="num">{row.ema20}</td>
                <td className="num">{row.ema50}</td>
                <td className="num">{row.macd}</td>
                <td className="num">{row.atr}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="detail raw-json" onToggle={(e) => setRawOpen(e.currentTarget.open)} data-testid="feed-snapshot-raw">
        <summary>{t('feed.detail.rawJson')}</summary>
        {rawOpen && <pre className="code-block">{prettyJson(snapshot)}</pre>}
      </details>
    </div>
  )
}
