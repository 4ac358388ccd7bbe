import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { getClient } from '../../api/client'
import { PageHeader } from '../../components/PageHeader'
import { hrefFor } from '../../navigation/routes'
import { loadPilots, usePilotsStore } from '../../stores/arena-pilots-store'
import { useConnectionStore } from '../../stores/connection-store'
import { subscribeFeedEvents } from '../../stores/feed-events'
import { hasActiveFilters } from '../../stores/feed-state'
import { applyHashFilters, loadOlderDecisions, searchFeed, useFeedStore } from '../../stores/feed-store'
import { DecisionCard } from './DecisionCard'
import { FeedFilters } from './FeedFilters'
import { LoadError } from './LoadError'
import './feed.css'

/**
 * The decision feed: every role run of every pilot, newest first, live.
 * Filters are asked of the kernel (`feed.search`); new records arrive by
 * `feed.decisionRecorded` and join the list when they match.
 */
export function FeedPage(): React.JSX.Element {
  const { t } = useTranslation()
  const connected = useConnectionStore((s) => s.state === 'open')

  useEffect(() => {
    if (!connected) return
    // Subscribe first, then search: a decision recorded in between arrives by event and is merged by id.
    const unsubscribe = subscribeFeedEvents(getClient())
    applyHashFilters(window.location.hash)
    void searchFeed()
    void loadPilots()
    return unsubscribe
  }, [connected])

  // A link from the Arena to a pilot's decisions while the feed is already open.
  useEffect(() => {
    const onHash = (): void => {
      if (applyHashFilters(window.location.hash)) void searchFeed()
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  return (
    <div className="page page-feed" data-testid="page-feed">
      <PageHeader title={t('nav.feed')} subtitle={t('feed.subtitle')} aside={<FeedCount />} />
      <FeedFilters />
      <Timeline />
    </div>
  )
}

function FeedCount(): React.JSX.Element | null {
  const { t } = useTranslation()
  const count = useFeedStore((s) => s.items.length)
  const phase = useFeedStore((s) => s.phase)
  if (phase === 'idle') return null
  return (
    <span className="feed-count" title={t('feed.list.live')} data-testid="feed-count" data-count={count}>
      <span className="live-dot" aria-hidden="true" />
      {phase === 'loading' ? t('feed.list.refreshing') : t('feed.list.count', { count })}
    </span>
  )
}

function Timeline(): React.JSX.Element {
  const { t } = useTranslation()
  const items = useFeedStore((s) => s.items)
  const phase = useFeedStore((s) => s.phase)
  const error = useFeedStore((s) => s.error)
  const expanded = useFeedStore((s) => s.expanded)
  const filters = useFeedStore((s) => s.filters)
  const statuses = usePilotsStore((s) => s.statuses)

  if (error && items.length === 0) return <LoadError error={error} text={t('feed.list.failed', { message: error.message })} testId="feed-error" />
  if (items.length === 0) {
    if (phase !== 'ready') return <p className="muted feed-loading">{t('feed.list.loading')}</p>
    const filtered = hasActiveFilters(filters)
    return (
      <div className="card feed-empty" data-testid="feed-empty" data-filtered={filtered}>
        <p className="strong">{filtered ? t('feed.empty.filteredTitle') : t('feed.empty.title')}</p>
        <p className="muted">{filtered ? t('feed.empty.filteredBody') : t('feed.empty.body')}</p>
        {!filtered && <a href={hrefFor('arena')}>{t('feed.empty.openArena')}</a>}
      </div>
    )
  }
  return (
    <>
      {error && <LoadError error={error} text={t('feed.list.failed', { message: error.message })} testId="feed-error" />}
      <ol className="feed-timeline" data-testid="feed-timeline">
        {items.map((summary) => (
          <li key={summary.id}>
            <DecisionCard summary={summary} pilotName={statuses?.[summary.pilotId]?.config.name ?? summary.pilotId} expanded={expanded[summary.id] === true} />
          </li>
        ))}
      </ol>
      <OlderPager />
    </>
  )
}

function OlderPager(): React.JSX.Element {
  const { t } = useTranslation()
  const hasOlder = useFeedStore((s) => s.hasOlder)
  const loadingOlder = useFeedStore((s) => s.loadingOlder)
  const olderError = useFeedStore((s) => s.olderError)
  return (
    <div className="feed-pager">
      {olderError && <LoadError error={olderError} text={t('feed.list.olderFailed', { message: olderError.message })} testId="feed-older-error" />}
      {hasOlder ? (
        <button type="button" className="btn btn-small" disabled={loadingOlder} onClick={() => void loadOlderDecisions()} data-testid="feed-load-older">
          {loadingOlder ? t('feed.list.loadingOlder') : t('feed.list.older')}
        </button>
      ) : (
        <span className="dim" data-testid="feed-end">
          {t('feed.list.end')}
        </span>
      )}
    </div>
  )
}
