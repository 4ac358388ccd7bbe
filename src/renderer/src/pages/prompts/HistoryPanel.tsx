import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptVersion } from '../../../../shared/domain/agents/prompt'
import { formatDateTime } from '../../format/date-time'

interface HistoryPanelProps {
  /** Oldest first, as the kernel sends it; shown newest first. */
  history: readonly PromptVersion[]
  disabled: boolean
  onCompare(older: PromptVersion, newer: PromptVersion): void
  onRollback(target: PromptVersion): void
}

export const HASH_PREFIX = 8

/**
 * Every saved version of the role: number, author, note, time, hash prefix,
 * and what it rolled back to. Two ticked versions can be compared; any
 * version but the current one can be made current again.
 */
export function HistoryPanel({ history, disabled, onCompare, onRollback }: HistoryPanelProps): React.JSX.Element {
  const { t } = useTranslation()
  const [picked, setPicked] = useState<number[]>([])
  const current = history.at(-1)?.version
  const newestFirst = [...history].reverse()
  const chosen = history.filter((v) => picked.includes(v.version))

  // Ticking a third version drops the first one ticked: the comparison is always of two.
  const toggle = (version: number): void => setPicked((p) => (p.includes(version) ? p.filter((v) => v !== version) : [...p, version].slice(-2)))

  return (
    <div className="prompt-history" data-testid="prompt-history">
      <div className="prompt-history-actions">
        <span className="field-hint">{t('promptStudio.history.pickTwo')}</span>
        <button type="button" className="btn btn-small" disabled={chosen.length !== 2} onClick={() => onCompare(chosen[0]!, chosen[1]!)} data-testid="history-compare">
          {chosen.length === 2 ? t('promptStudio.history.compareThese', { a: chosen[0]!.version, b: chosen[1]!.version }) : t('promptStudio.history.compare')}
        </button>
      </div>
      <ol className="history-list">
        {newestFirst.map((v) => (
          <li key={v.version} className={v.version === current ? 'history-row is-current' : 'history-row'} data-testid={`history-row-${v.version}`} data-version={v.version} data-rollback-of={v.rollbackOf ?? undefined}>
            <label className="history-pick">
              <input type="checkbox" checked={picked.includes(v.version)} onChange={() => toggle(v.version)} aria-label={t('promptStudio.history.pick', { version: v.version })} data-testid={`history-pick-${v.version}`} />
              <span className="history-version mono">v{v.version}</span>
            </label>
            <div className="history-main">
              <div className="history-meta">
                {v.version === current && <span className="mini-badge badge-current">{t('promptStudio.history.current')}</span>}
                {v.rollbackOf !== null && (
                  <span className="mini-badge badge-warn" data-testid="history-rollback-marker">
                    {t('promptStudio.history.rollbackOf', { version: v.rollbackOf })}
                  </span>
                )}
                <span className="strong">{v.author}</span>
                <span className="mono dim">{formatDateTime(v.createdAt)}</span>
                <span className="mono dim" title={v.hash}>
                  #{v.hash.slice(0, HASH_PREFIX)}
                </span>
              </div>
              <p className={v.note ? 'history-note' : 'history-note dim'}>{v.note || t('promptStudio.history.noNote')}</p>
            </div>
            {v.version !== current && (
              <button type="button" className="btn btn-tiny" disabled={disabled} onClick={() => onRollback(v)} data-testid={`history-rollback-${v.version}`}>
                {t('promptStudio.history.rollback', { version: v.version })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
