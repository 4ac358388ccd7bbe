import type { NewsFeed } from '../../../shared/domain/agents/news'
import type { Logger } from '../../ports/logger'
import type { NewsSource, RawNewsItem } from '../../ports/news-source'
import { decodeBody } from './decode-body'
import { parseNewsDocument } from './parse-news-document'
import { DEFAULT_MAX_ITEMS } from './parsed-document'
import { BodyTooLargeError, readCappedBody } from './read-capped-body'

export interface NewsSourceOptions {
  /** Whole request, connect to last byte. Default 15 s. */
  timeoutMs?: number
  /** Largest body accepted, after decompression. Default 2 MiB. */
  maxBytes?: number
  /** Entries read per document. Default 200. */
  maxItems?: number
  /** Told how many entries of a feed were skipped as unusable. */
  logger?: Logger
}

export const DEFAULT_NEWS_TIMEOUT_MS = 15_000
export const DEFAULT_NEWS_MAX_BYTES = 2 * 1024 * 1024

const ACCEPT: Record<NewsFeed['kind'], string> = {
  rss: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  json: 'application/json, application/feed+json;q=0.9, */*;q=0.5',
}

/**
 * How a feed is named in errors and logs: its id and host only. A feed URL
 * may carry an API key in its query string, and a key must never reach a
 * log, a message or the renderer.
 */
function describe(feed: NewsFeed, url: URL | null): string {
  return url === null ? `news feed "${feed.id}"` : `news feed "${feed.id}" (${url.host})`
}

function parseFeedUrl(feed: NewsFeed): URL {
  let url: URL
  try {
    url = new URL(feed.url)
  } catch {
    throw new Error(`${describe(feed, null)}: the address is not a valid URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${describe(feed, url)}: only http and https addresses are fetched, received ${url.protocol}`)
  return url
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string') return cause.message
  return error instanceof Error ? error.message : String(error)
}

/** Fetches RSS/Atom feeds and JSON news APIs over HTTP with a timeout and a size cap. */
export function createNewsSource(options: NewsSourceOptions = {}): NewsSource {
  const timeoutMs = options.timeoutMs ?? DEFAULT_NEWS_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_NEWS_MAX_BYTES
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS

  const download = async (feed: NewsFeed, url: URL, signal: AbortSignal | undefined): Promise<string> => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const combined = signal ? AbortSignal.any([timeout, signal]) : timeout
    const name = describe(feed, url)
    try {
      const response = await fetch(url, { signal: combined, redirect: 'follow', headers: { accept: ACCEPT[feed.kind], 'user-agent': 'workstation-news/1' } })
      if (!response.ok) {
        await response.body?.cancel().catch(() => {})
        throw new Error(`${name} answered HTTP ${response.status}`)
      }
      const bytes = await readCappedBody(response, maxBytes)
      return decodeBody(bytes, response.headers.get('content-type'))
    } catch (error) {
      if (timeout.aborted) throw new Error(`${name} timed out after ${timeoutMs} ms`, { cause: error })
      if (signal?.aborted) throw new Error(`${name}: the fetch was cancelled`, { cause: error })
      if (error instanceof BodyTooLargeError) throw new Error(`${name}: ${error.message}, refused`, { cause: error })
      if (error instanceof Error && error.message.startsWith(name)) throw error
      throw new Error(`${name} could not be reached: ${causeOf(error)}`, { cause: error })
    }
  }

  return {
    async fetch(feed: NewsFeed, signal?: AbortSignal): Promise<RawNewsItem[]> {
      const url = parseFeedUrl(feed)
      const text = await download(feed, url, signal)
      let parsed
      try {
        parsed = parseNewsDocument(text, feed.kind, { maxItems, baseUrl: url.href })
      } catch (error) {
        throw new Error(`${describe(feed, url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      }
      if (parsed.skipped > 0) options.logger?.warn('news entries skipped', { feedId: feed.id, format: parsed.format, skipped: parsed.skipped, kept: parsed.items.length })
      return parsed.items
    },
  }
}
