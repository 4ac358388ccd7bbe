import { useTranslation } from 'react-i18next'
import type { ReplayResult } from '../../../../shared/contract/domains/feed'
import { replayKey, runReplay, useFeedDetailStore, type ReplayMode } from '../../stores/feed-detail-store'
import { formatLatency, formatModelRef, formatUsdCost, isIdenticalReplay, prettyJson } from './format-decision'
import { LoadError } from './LoadError'
import { OutcomeBadge } from './OutcomeBadge'

const MODES: readonly ReplayMode[] = ['recorded', 'model']

/**
 * Replays one decision: from its recorded answer (exact, free) or against
 * its model again (costs tokens). Neither ever trades. Each result shows the
 * original and the replay's parsed output side by side.
 */
export function ReplayPanel({ decisionId }: { decisionId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const recorded = useFeedDetailStore((s) => s.replays[replayKey(decisionId, 'recorded')])
  const model = useFeedDetailStore((s) => s.replays[replayKey(decisionId, 'model')])
  const entries = { recorded, model }
  return (
    <div className="replay-panel">
      <div className="replay-actions">
        {MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            className="btn btn-small"
            disabled={entries[mode]?.loading}
            onClick={() => void runReplay(decisionId, mode)}
            title={t(mode === 'recorded' ? 'feed.replay.recordedHint' : 'feed.replay.modelHint')}
            data-testid={`feed-replay-${mode}`}
          >
            {entries[mode]?.loading ? t('feed.replay.running') : t(mode === 'recorded' ? 'feed.replay.recorded' : 'feed.replay.model')}
          </button>
        ))}
      </div>
      {MODES.map((mode) => {
        const entry = entries[mode]
        if (!entry) return null
        return (
          <div key={mode} className="replay-result-slot">
            {entry.error && <LoadError error={entry.error} text={t('feed.replay.failed', { message: entry.error.message })} testId={`feed-replay-${mode}-error`} />}
            {entry.value && <ReplayComparison result={entry.value} />}
          </div>
        )
      })}
    </div>
  )
}

function ReplayComparison({ result }: { result: ReplayResult }): React.JSX.Element {
  const { t } = useTranslation()
  const identical = isIdenticalReplay(result)
  const sides = [
    { key: 'original', label: t('feed.replay.original'), record: result.original },
    { key: 'replay', label: t('feed.replay.replayed'), record: result.replay },
  ] as const
  return (
    <section className="replay-result" data-testid={`feed-replay-result-${result.mode}`} data-identical={identical}>
      <header className="replay-result-head">
        <h4>{t('feed.replay.title', { mode: t(`feed.replay.mode.${result.mode}`) })}</h4>
        <span className={identical ? 'tone-badge outcome-parsed' : 'tone-badge outcome-vetoed'} title={t(identical ? 'feed.replay.identicalHint' : 'feed.replay.differentHint')} data-testid="feed-replay-identical">
          {t(identical ? 'feed.replay.identical' : 'feed.replay.different')}
        </span>
      </header>
      <div className="replay-sides">
        {sides.map(({ key, label, record }) => (
          <div key={key} className="replay-side" data-side={key}>
            <div className="replay-side-head">
              <span className="strong">{label}</span>
              <OutcomeBadge outcome={record.outcome} />
              <span className="dim mono">
                {t('feed.replay.meta', { model: formatModelRef(record.model), latency: formatLatency(record.latencyMs), cost: formatUsdCost(record.costUsd) })}
              </span>
            </div>
            <pre className="code-block">{prettyJson(record.parsedOutput)}</pre>
            {record.validationErrors.length > 0 && (
              <ul className="validation-errors">
                {record.validationErrors.map((error, i) => (
                  <li key={i}>{error}</li>
                ))}
              </ul>
            )}
            {record.error && <p className="inline-error">{record.error}</p>}
          </div>
        ))}
      </div>
    </section>
  )
}
