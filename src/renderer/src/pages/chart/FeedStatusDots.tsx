import { useTranslation } from 'react-i18next'
import { WatchStreamSchema } from '../../../../shared/contract/domains/market'
import { useMarketFeedStore } from '../../stores/market-feed-store'

/**
 * One dot per watched stream: green live, amber stale or reconnecting, red
 * closed. Status changes are rare, so a plain selector is fine here.
 */
export function FeedStatusDots(): React.JSX.Element {
  const { t } = useTranslation()
  const feeds = useMarketFeedStore((s) => s.feeds)
  return (
    <div className="feed-dots" role="group" aria-label={t('chart.feed.label')} data-testid="feed-status">
      {WatchStreamSchema.options.map((stream) => {
        const status = feeds[stream] ?? 'connecting'
        const label = `${t(`chart.streams.${stream}`)}: ${t(`chart.feed.${status}`)}`
        return (
          <span key={stream} className={`feed-dot feed-${status}`} title={label} data-stream={stream} data-status={status}>
            <span className="dot" aria-hidden="true" />
            <span className="feed-name">{t(`chart.streams.${stream}`)}</span>
          </span>
        )
      })}
    </div>
  )
}
