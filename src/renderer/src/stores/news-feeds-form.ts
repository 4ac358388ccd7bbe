import { NewsFeedSchema, type NewsFeed } from '../../../shared/domain/agents/news'

// The feed list as Settings → News edits it: rows until saved, then the
// NewsFeed list `news.setFeeds` replaces. Each row's problems are reported by
// field; two feeds with one id are refused (the kernel would too).

export type FeedKind = NewsFeed['kind']

export interface FeedRow {
  /** A stable React key: a row's id is editable, so it cannot be the key. */
  key: number
  id: string
  kind: FeedKind
  url: string
  enabled: boolean
}

export type FeedField = 'id' | 'url'
export type FeedProblem = 'idRule' | 'idTaken' | 'url'

/** The contract's cap on the list. */
export const MAX_NEWS_FEEDS = 50

const ID = NewsFeedSchema.shape.id
const URL_RULE = NewsFeedSchema.shape.url

export function rowsFromFeeds(feeds: readonly NewsFeed[], firstKey = 1): FeedRow[] {
  return feeds.map((feed, i) => ({ key: firstKey + i, ...feed }))
}

export interface BuiltFeeds {
  /** Null while any row has a problem or the list is too long: nothing is saved then. */
  feeds: NewsFeed[] | null
  problems: Record<number, Partial<Record<FeedField, FeedProblem>>>
  /** Rows with a problem. */
  count: number
  tooMany: boolean
}

export function feedsFromRows(rows: readonly FeedRow[]): BuiltFeeds {
  const problems: BuiltFeeds['problems'] = {}
  const flag = (row: FeedRow, field: FeedField, problem: FeedProblem): void => void ((problems[row.key] ??= {})[field] = problem)
  const seen = new Set<string>()
  const feeds: NewsFeed[] = []
  for (const row of rows) {
    const id = row.id.trim()
    const url = row.url.trim()
    if (!ID.safeParse(id).success) flag(row, 'id', 'idRule')
    else if (seen.has(id)) flag(row, 'id', 'idTaken')
    seen.add(id)
    if (!URL_RULE.safeParse(url).success) flag(row, 'url', 'url')
    if (!problems[row.key]) feeds.push(NewsFeedSchema.parse({ id, kind: row.kind, url, enabled: row.enabled }))
  }
  const count = Object.keys(problems).length
  const tooMany = rows.length > MAX_NEWS_FEEDS
  return { feeds: count === 0 && !tooMany ? feeds : null, problems, count, tooMany }
}

/** Whether the rows say the same as the saved list, in the same order. */
export function sameAsFeeds(rows: readonly FeedRow[], feeds: readonly NewsFeed[]): boolean {
  const built = feedsFromRows(rows).feeds
  if (!built || built.length !== feeds.length) return false
  return built.every((feed, i) => {
    const saved = feeds[i]!
    return feed.id === saved.id && feed.kind === saved.kind && feed.url === saved.url && feed.enabled === saved.enabled
  })
}

/**
 * An id for a feed added by its address: the site's name ("coindesk" for
 * www.coindesk.com), made unique against `taken` with -2, -3, …
 */
export function feedIdFromUrl(url: string, taken: readonly string[]): string {
  let host = ''
  try {
    host = new URL(url.trim()).hostname
  } catch {
    // Not an address yet: the generic name below, the url field shows its own problem.
  }
  const name = /^[\d.]+$/.test(host) ? host : siteName(host)
  const base = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 34) || 'feed'
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!used.has(candidate)) return candidate
  }
}

/** Country domains register names one level down ("bbc.co.uk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu'])

/** The registrable name of a host: "coindesk" for www.coindesk.com, "bbci" for feeds.bbci.co.uk; a bare host (localhost) whole. */
function siteName(host: string): string {
  const labels = host.split('.').filter((label) => label !== '')
  if (labels.length < 2) return labels[0] ?? ''
  const beforeTld = labels.length - 2
  return labels.length >= 3 && SECOND_LEVEL.has(labels[beforeTld]!) ? labels[beforeTld - 1]! : labels[beforeTld]!
}

/** JSON APIs usually say so in their path ("…/news.json", "…/api/json/…"); anything else is read as RSS or Atom. */
export function guessFeedKind(url: string): FeedKind {
  try {
    return /json/i.test(new URL(url.trim()).pathname) ? 'json' : 'rss'
  } catch {
    return 'rss'
  }
}
