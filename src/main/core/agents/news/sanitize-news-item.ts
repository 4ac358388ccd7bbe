import type { NewsItem } from '../../../../shared/domain/agents/news'
import type { RawNewsItem } from '../../../ports/news-source'
import { removeInvisibleCharacters } from './invisible-characters'
import { sanitizeNewsText } from './sanitize-news-text'
import { stableHash } from './stable-hash'

export const NEWS_TITLE_MAX = 300
export const NEWS_SUMMARY_MAX = 1000
export const NEWS_URL_MAX = 2000
/** Ids are storage keys, not prose: longer ones are replaced by a fingerprint rather than cut (cutting could merge two items). */
const NEWS_ID_MAX = 256

/** Only absolute http(s) links without embedded credentials are kept; anything else (javascript:, data:, file:) is dropped. */
export function sanitizeNewsUrl(raw: string | null): string | null {
  if (raw === null) return null
  let parsed: URL
  try {
    parsed = new URL(raw.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return parsed.href.length <= NEWS_URL_MAX ? parsed.href : null
}

/** The stored schema wants a safe integer; a date no clock can reach is no date at all. */
function sanitizeTimestamp(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null
  const ms = Math.trunc(value)
  return Number.isSafeInteger(ms) ? ms : null
}

function sanitizeId(raw: RawNewsItem, title: string): string {
  const id = removeInvisibleCharacters(raw.id).trim()
  if (id !== '' && id.length <= NEWS_ID_MAX) return id
  return `h:${stableHash(`${raw.id}\n${title}\n${raw.publishedAt ?? ''}`)}`
}

/**
 * Makes a fetched item safe to store and show to a model: title and summary
 * sanitised and capped, the link kept only when it is plain http(s).
 * Returns null for an item with nothing left to read (an empty title).
 */
export function sanitizeNewsItem(raw: RawNewsItem, feedId: string, fetchedAt: number): NewsItem | null {
  const title = sanitizeNewsText(raw.title, NEWS_TITLE_MAX)
  if (title === '') return null
  return {
    id: sanitizeId(raw, title),
    feedId,
    title,
    summary: sanitizeNewsText(raw.summary, NEWS_SUMMARY_MAX),
    url: sanitizeNewsUrl(raw.url),
    publishedAt: sanitizeTimestamp(raw.publishedAt),
    fetchedAt: Math.trunc(fetchedAt),
  }
}
