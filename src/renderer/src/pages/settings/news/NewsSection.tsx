import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/Card'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useConnectionStore } from '../../../stores/connection-store'
import { loadLatestNews, loadNewsFeeds, useNewsStore } from '../../../stores/news-store'
import { FeedListEditor } from './FeedListEditor'
import { LatestNews } from './LatestNews'
import './news.css'

/** Settings → News: the feeds the news role reads, a refresh on demand, and the latest items as that role sees them. */
export function NewsSection(): React.JSX.Element {
  const { t } = useTranslation()
  const feeds = useNewsStore((s) => s.feeds)
  const feedsError = useNewsStore((s) => s.feedsError)
  const latest = useNewsStore((s) => s.latest)
  const latestError = useNewsStore((s) => s.latestError)

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    void loadNewsFeeds()
    void loadLatestNews()
  }, [connected])

  const enabled = feeds?.filter((f) => f.enabled).length ?? 0
  return (
    <div className="news-settings" data-testid="settings-news">
      <p className="notice news-untrusted" data-testid="news-untrusted">
        {t('newsSettings.untrusted')}
      </p>
      {feedsError && <ErrorAlert error={feedsError} message={t('newsSettings.loadFailed', { message: feedsError.message })} testId="news-load-error" />}
      <Card
        title={t('newsSettings.feeds')}
        aside={
          feeds ? (
            <span className="pill pill-muted" data-testid="news-feed-count">
              {t('newsSettings.count', { count: feeds.length })} · {t('newsSettings.enabledCount', { count: enabled })}
            </span>
          ) : undefined
        }
        testId="news-feeds"
      >
        {feeds ? <FeedListEditor feeds={feeds} /> : !feedsError && <p className="muted">{t('common.loading')}</p>}
      </Card>
      <Card title={t('newsSettings.latest')} testId="news-latest">
        <p className="field-hint news-latest-hint">{t('newsSettings.latestHint')}</p>
        {latestError && <ErrorAlert error={latestError} message={t('newsSettings.latestFailed', { message: latestError.message })} testId="news-latest-error" />}
        {latest ? <LatestNews items={latest} /> : !latestError && <p className="muted">{t('common.loading')}</p>}
      </Card>
    </div>
  )
}
