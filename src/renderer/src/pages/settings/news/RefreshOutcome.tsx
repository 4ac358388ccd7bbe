import { useTranslation } from 'react-i18next'
import { InlineError } from '../../../components/InlineError'
import { useNewsStore } from '../../../stores/news-store'

/** What the last "Refresh now" did: items fetched and new, and each feed that failed with the kernel's reason. */
export function RefreshOutcome(): React.JSX.Element | null {
  const { t } = useTranslation()
  const result = useNewsStore((s) => s.lastRefresh)
  const error = useNewsStore((s) => s.refreshError)
  if (error) return <InlineError error={error} prefix={t('newsSettings.refreshFailed')} testId="news-refresh-error" />
  if (!result) return null
  return (
    <div className="news-refresh-result" role="status" data-testid="news-refresh-result" data-fetched={result.fetched} data-added={result.added} data-failed={result.failed.length}>
      <p className={result.failed.length > 0 ? 'tone-warn' : 'tone-up'}>{t('newsSettings.refreshed', { fetched: result.fetched, added: result.added })}</p>
      {result.failed.length > 0 && (
        <ul className="news-failures">
          {result.failed.map((failure) => (
            <li key={failure.feedId} className="tone-down" data-testid="news-refresh-failure" data-feed={failure.feedId}>
              {t('newsSettings.feedFailed', { feed: failure.feedId, message: failure.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
