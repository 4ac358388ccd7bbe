import { useTranslation } from 'react-i18next'
import type { NewsItem } from '../../../../../shared/domain/agents/news'
import { formatDateTime } from '../../../format/date-time'

/** Only web addresses become links: anything else in a feed's link field is shown as nothing. */
function webUrl(url: string | null): URL | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null
  } catch {
    return null
  }
}

/**
 * The latest items as the news role receives them. Every field is untrusted
 * text from a third party: it is rendered as React text nodes only, never as
 * HTML, so a tag in a headline shows as characters and does nothing.
 */
export function LatestNews({ items }: { items: readonly NewsItem[] }): React.JSX.Element {
  const { t } = useTranslation()
  if (items.length === 0) return <p className="muted">{t('newsSettings.latestEmpty')}</p>
  return (
    <ol className="news-items" data-testid="news-items">
      {items.map((item) => {
        const link = webUrl(item.url)
        return (
          <li key={item.id} className="news-item" data-testid="news-item" data-feed={item.feedId}>
            <p className="news-item-title" dir="auto" data-testid="news-item-title">
              {item.title}
            </p>
            {item.summary !== '' && (
              <p className="news-item-summary" dir="auto" data-testid="news-item-summary">
                {item.summary}
              </p>
            )}
            <p className="news-item-meta dim">
              <span className="chip chip-small mono">{item.feedId}</span>
              <span className="mono">{item.publishedAt !== null ? t('newsSettings.published', { time: formatDateTime(item.publishedAt) }) : t('newsSettings.fetched', { time: formatDateTime(item.fetchedAt) })}</span>
              {link && (
                <a href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
                  {t('newsSettings.open')} · {link.host}
                </a>
              )}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
