import type { RawNewsItem } from '../../ports/news-source'
import { fallbackNewsId } from './fallback-id'
import { parseNewsDate } from './news-dates'
import { DEFAULT_MAX_ITEMS, resolveLink, type ParseNewsOptions, type ParsedNewsDocument } from './parsed-document'

/** Where news APIs put their list when the document is an object rather than a bare array. */
const LIST_KEYS = ['items', 'data', 'articles', 'results'] as const
const TITLE_KEYS = ['title', 'headline']
const SUMMARY_KEYS = ['summary', 'description', 'content', 'body']
const URL_KEYS = ['url', 'link']
const ID_KEYS = ['guid', 'id']
const DATE_KEYS = ['published', 'publishedAt', 'published_at', 'pubDate', 'date', 'time', 'datetime', 'createdAt', 'created_at']

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstString(entry: JsonObject, keys: readonly string[]): string {
  for (const key of keys) {
    const value = Object.hasOwn(entry, key) ? entry[key] : undefined
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return ''
}

function firstIdentifier(entry: JsonObject): string {
  for (const key of ID_KEYS) {
    const value = Object.hasOwn(entry, key) ? entry[key] : undefined
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  }
  return ''
}

function firstDate(entry: JsonObject): { raw: string; ms: number | null } {
  for (const key of DATE_KEYS) {
    const value = Object.hasOwn(entry, key) ? entry[key] : undefined
    if (typeof value === 'string' || typeof value === 'number') return { raw: String(value), ms: parseNewsDate(value) }
  }
  return { raw: '', ms: null }
}

function locateList(document: unknown): unknown[] {
  if (Array.isArray(document)) return document
  if (isObject(document)) {
    for (const key of LIST_KEYS) {
      const value = Object.hasOwn(document, key) ? document[key] : undefined
      if (Array.isArray(value)) return value
    }
    const keys = Object.keys(document).slice(0, 8).join(', ') || 'none'
    throw new Error(`not a news list: expected an array, or an object with an "items", "data", "articles" or "results" array; received an object with keys ${keys}`)
  }
  throw new Error(`not a news list: expected an array or an object, received ${document === null ? 'null' : typeof document}`)
}

function toRawItem(value: unknown, baseUrl: string | undefined): RawNewsItem | null {
  if (!isObject(value)) return null
  const title = firstString(value, TITLE_KEYS)
  if (title === '') return null
  const link = firstString(value, URL_KEYS)
  const date = firstDate(value)
  const id = firstIdentifier(value) || link || fallbackNewsId(title, date.raw)
  return { id, title, summary: firstString(value, SUMMARY_KEYS), url: resolveLink(link, baseUrl), publishedAt: date.ms }
}

/**
 * Parses a generic JSON news API answer: an array of items, or an object
 * whose `items`, `data`, `articles` or `results` is one. Throws on invalid
 * JSON or another shape; items without a title are counted and skipped.
 */
export function parseNewsJson(text: string, options: ParseNewsOptions = {}): ParsedNewsDocument {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new Error(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const list = locateList(document).slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS)
  const items: RawNewsItem[] = []
  for (const entry of list) {
    const item = toRawItem(entry, options.baseUrl)
    if (item !== null) items.push(item)
  }
  return { format: 'json', items, skipped: list.length - items.length }
}
