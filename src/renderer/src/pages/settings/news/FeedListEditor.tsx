import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../../shared/contract/envelope'
import type { NewsFeed } from '../../../../../shared/domain/agents/news'
import { InlineError } from '../../../components/InlineError'
import { feedsFromRows, rowsFromFeeds, sameAsFeeds, type FeedKind, type FeedRow } from '../../../stores/news-feeds-form'
import { refreshNews, saveNewsFeeds, useNewsStore } from '../../../stores/news-store'
import { AddFeedForm } from './AddFeedForm'
import { RefreshOutcome } from './RefreshOutcome'

const KINDS: readonly FeedKind[] = ['rss', 'json']

/**
 * The feed list as a table: switch a feed on or off, change its id, format
 * or address, remove it, add one; then save the whole list. "Refresh now"
 * fetches the saved list, so it waits until the edits are saved.
 */
export function FeedListEditor({ feeds }: { feeds: readonly NewsFeed[] }): React.JSX.Element {
  const { t } = useTranslation()
  const [rows, setRows] = useState<FeedRow[]>(() => rowsFromFeeds(feeds))
  const [seen, setSeen] = useState(feeds)
  const [nextKey, setNextKey] = useState(feeds.length + 1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [saved, setSaved] = useState(false)
  const refreshing = useNewsStore((s) => s.refreshing)
  const lastRefresh = useNewsStore((s) => s.lastRefresh)
  const built = useMemo(() => feedsFromRows(rows), [rows])
  const dirty = !sameAsFeeds(rows, feeds)
  const failures = useMemo(() => new Map(lastRefresh?.failed.map((f) => [f.feedId, f.message]) ?? []), [lastRefresh])

  // A new list from the kernel replaces untouched rows at once (React's adjust-state-during-render pattern).
  if (feeds !== seen) {
    setSeen(feeds)
    if (sameAsFeeds(rows, seen)) {
      setRows(rowsFromFeeds(feeds, nextKey))
      setNextKey(nextKey + feeds.length)
    }
  }

  const edit = (key: number, patch: Partial<FeedRow>): void => {
    setRows((r) => r.map((row) => (row.key === key ? { ...row, ...patch } : row)))
    setSaved(false)
  }
  const remove = (key: number): void => {
    setRows((r) => r.filter((row) => row.key !== key))
    setSaved(false)
  }
  const add = (row: Omit<FeedRow, 'key'>): void => {
    setRows((r) => [...r, { key: nextKey, ...row }])
    setNextKey(nextKey + 1)
    setSaved(false)
  }
  const discard = (): void => {
    setRows(rowsFromFeeds(feeds, nextKey))
    setNextKey(nextKey + feeds.length)
    setError(null)
  }

  const save = async (): Promise<void> => {
    if (!built.feeds) return
    setBusy(true)
    setError(null)
    const envelope = await saveNewsFeeds(built.feeds)
    setBusy(false)
    if (!envelope.ok) return setError(envelope.error)
    setRows(rowsFromFeeds(envelope.value, nextKey))
    setNextKey(nextKey + envelope.value.length)
    setSaved(true)
  }

  const problemText = (row: FeedRow): string | null => {
    const found = built.problems[row.key]
    return found ? Object.values(found).map((p) => t(`newsSettings.problems.${p}`)).join(' · ') : null
  }
  const enabledSaved = feeds.filter((f) => f.enabled).length

  return (
    <div className="news-feeds" data-testid="news-feed-editor">
      <table className="data-table compact news-feed-table">
        <thead>
          <tr>
            <th className="news-col-on">{t('newsSettings.columns.enabled')}</th>
            <th className="news-col-id">{t('newsSettings.columns.id')}</th>
            <th className="news-col-kind">{t('newsSettings.columns.kind')}</th>
            <th>{t('newsSettings.columns.url')}</th>
            <th className="actions" aria-label={t('newsSettings.remove')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const problems = built.problems[row.key]
            const message = problemText(row)
            const failure = failures.get(row.id)
            return (
              <tr key={row.key} data-testid="news-feed-row" data-feed={row.id} aria-invalid={message ? true : undefined} title={message ?? failure ?? undefined} className={failure ? 'news-feed-failed' : undefined}>
                <td className="news-col-on">
                  <input type="checkbox" checked={row.enabled} onChange={(e) => edit(row.key, { enabled: e.target.checked })} aria-label={t('newsSettings.enable', { id: row.id || '—' })} data-testid="news-feed-enabled" />
                </td>
                <td className="news-col-id">
                  <input className="input" value={row.id} onChange={(e) => edit(row.key, { id: e.target.value })} aria-invalid={problems?.id ? true : undefined} aria-label={t('newsSettings.columns.id')} spellCheck={false} maxLength={60} data-testid="news-feed-id" />
                </td>
                <td className="news-col-kind">
                  <select value={row.kind} onChange={(e) => edit(row.key, { kind: e.target.value as FeedKind })} aria-label={t('newsSettings.columns.kind')} data-testid="news-feed-kind">
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`newsSettings.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input className="input" value={row.url} onChange={(e) => edit(row.key, { url: e.target.value })} aria-invalid={problems?.url ? true : undefined} aria-label={t('newsSettings.columns.url')} spellCheck={false} data-testid="news-feed-url" />
                </td>
                <td className="actions">
                  <button type="button" className="btn btn-tiny" onClick={() => remove(row.key)} aria-label={t('newsSettings.removeFeed', { id: row.id || '—' })} title={t('newsSettings.remove')} data-testid="news-feed-remove">
                    ×
                  </button>
                </td>
              </tr>
            )
          })}
          {rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={5}>{t('newsSettings.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {(built.count > 0 || built.tooMany) && (
        <p className="news-problems" data-testid="news-feed-problems">
          {built.tooMany ? t('newsSettings.problems.tooMany') : t('newsSettings.invalid', { count: built.count })}
          {built.count > 0 && ` ${[...new Set(Object.values(built.problems).flatMap((p) => Object.values(p)))].map((p) => t(`newsSettings.problems.${p}`)).join(' · ')}`}
        </p>
      )}

      <AddFeedForm takenIds={rows.map((r) => r.id)} onAdd={add} />

      <div className="news-actions">
        <button type="button" className="btn" onClick={() => void refreshNews()} disabled={refreshing || dirty || enabledSaved === 0} title={dirty ? t('newsSettings.refreshUnsaved') : enabledSaved === 0 ? t('newsSettings.noneEnabled') : t('newsSettings.refreshHint')} data-testid="news-refresh">
          {refreshing ? t('newsSettings.refreshing') : t('newsSettings.refresh')}
        </button>
        <span className="news-actions-end">
          {dirty ? (
            <span className="tone-warn" data-testid="news-unsaved">
              {t('newsSettings.unsaved')}
            </span>
          ) : (
            saved && (
              <span className="tone-up" role="status">
                {t('newsSettings.saved')}
              </span>
            )
          )}
          {dirty && (
            <button type="button" className="btn btn-small" onClick={discard} disabled={busy} data-testid="news-discard">
              {t('newsSettings.discard')}
            </button>
          )}
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || !dirty || !built.feeds} data-testid="news-save">
            {busy ? t('newsSettings.saving') : t('newsSettings.save')}
          </button>
        </span>
      </div>
      {dirty && <p className="field-hint">{t('newsSettings.refreshUnsaved')}</p>}
      {error && <InlineError error={error} prefix={t('newsSettings.saveFailed')} testId="news-save-error" />}
      <RefreshOutcome />
    </div>
  )
}
