import type { RawNewsItem } from '../../ports/news-source'

export type NewsDocumentFormat = 'rss' | 'rdf' | 'atom' | 'json'

export interface ParsedNewsDocument {
  format: NewsDocumentFormat
  items: RawNewsItem[]
  /** Entries that were not usable items (no title, wrong shape); the rest of the document still counts. */
  skipped: number
}

export interface ParseNewsOptions {
  /** Feeds list newest first; entries past this many are ignored. */
  maxItems?: number
  /** The feed's own address, to resolve relative links against. */
  baseUrl?: string
}

export const DEFAULT_MAX_ITEMS = 200

/** A link as written, made absolute against the feed's address when it is relative; null when there is none. */
export function resolveLink(link: string, baseUrl: string | undefined): string | null {
  const trimmed = link.trim()
  if (trimmed === '') return null
  if (baseUrl === undefined) return trimmed
  try {
    return new URL(trimmed, baseUrl).href
  } catch {
    // Left as written: the kernel drops links that are not plain http(s).
    return trimmed
  }
}
