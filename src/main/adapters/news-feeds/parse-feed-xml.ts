import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { RawNewsItem } from '../../ports/news-source'
import { fallbackNewsId } from './fallback-id'
import { parseNewsDate } from './news-dates'
import { DEFAULT_MAX_ITEMS, resolveLink, type NewsDocumentFormat, type ParseNewsOptions, type ParsedNewsDocument } from './parsed-document'
import { stripDoctype } from './strip-doctype'
import { asRecord, attributeOf, textOf } from './xml-text'

/** Elements whose content may be (escaped or raw) HTML: read verbatim so the sanitiser sees the text in order. */
const TEXT_ELEMENTS = ['title', 'description', 'summary', 'content', 'encoded']
const REPEATED = new Set(['item', 'entry', 'link'])

const parser = new XMLParser({
  // Entity expansion is off: a document's own <!ENTITY> declarations are
  // never expanded (no billion laughs, no external entities). Text is decoded
  // afterwards with a fixed table (xml-text.ts).
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Titles like "2024" or guids like "00123" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: true,
  stopNodes: TEXT_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => REPEATED.has(name),
  maxNestedTags: 64,
})

function atomLink(value: unknown): string {
  const links = Array.isArray(value) ? value : [value]
  const alternate = links.find((link) => ['', 'alternate'].includes(attributeOf(link, 'rel')) && attributeOf(link, 'href') !== '')
  const chosen = alternate ?? links.find((link) => attributeOf(link, 'href') !== '')
  return chosen === undefined ? '' : attributeOf(chosen, 'href')
}

/** RSS 2.0 items carry the link as text; some also add an Atom link with an href. */
function linkOf(value: unknown): string {
  const links = Array.isArray(value) ? value : [value]
  for (const link of links) {
    const text = textOf(link)
    if (text !== '') return text
  }
  return atomLink(value)
}

function firstText(entry: Record<string, unknown>, names: readonly string[]): string {
  for (const name of names) {
    const text = textOf(entry[name])
    if (text !== '') return text
  }
  return ''
}

function toRawItem(value: unknown, format: NewsDocumentFormat, baseUrl: string | undefined): RawNewsItem | null {
  const entry = asRecord(value)
  if (entry === null) return null
  const title = textOf(entry['title'])
  if (title === '') return null
  const summary = firstText(entry, ['description', 'summary', 'content', 'encoded'])
  const link = format === 'atom' ? atomLink(entry['link']) : linkOf(entry['link'])
  const published = firstText(entry, ['pubDate', 'published', 'date', 'updated', 'issued', 'modified'])
  const id = firstText(entry, ['guid', 'id']) || link || attributeOf(entry, 'about') || fallbackNewsId(title, published)
  return { id, title, summary, url: resolveLink(link, baseUrl), publishedAt: parseNewsDate(published) }
}

function locateEntries(document: Record<string, unknown>): { format: NewsDocumentFormat; entries: unknown } {
  const rss = asRecord(document['rss'])
  if (rss !== null) {
    const channel = asRecord(rss['channel'])
    if (channel === null) throw new Error('malformed RSS: <rss> has no <channel>')
    return { format: 'rss', entries: channel['item'] }
  }
  const rdf = asRecord(document['RDF'])
  if (rdf !== null) return { format: 'rdf', entries: rdf['item'] }
  const feed = asRecord(document['feed'])
  if (feed !== null) return { format: 'atom', entries: feed['entry'] }
  const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? '(none)'
  throw new Error(`not an RSS or Atom feed: expected a <rss>, <rdf:RDF> or <feed> root element, received <${root}>`)
}

/** Parses an RSS 2.0, RSS 1.0 (RDF) or Atom document. Throws on a malformed document; unusable entries are counted and skipped. */
export function parseFeedXml(xml: string, options: ParseNewsOptions = {}): ParsedNewsDocument {
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(xml)) throw new Error('received an HTML page, not an RSS or Atom feed (is the feed address right?)')
  const body = stripDoctype(xml)
  const valid = XMLValidator.validate(body)
  if (valid !== true) throw new Error(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`)
  let document: unknown
  try {
    document = parser.parse(body)
  } catch (error) {
    throw new Error(`malformed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const { format, entries } = locateEntries(asRecord(document) ?? {})
  const list = (Array.isArray(entries) ? entries : entries === undefined ? [] : [entries]).slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS)
  const items: RawNewsItem[] = []
  for (const entry of list) {
    const item = toRawItem(entry, format, options.baseUrl)
    if (item !== null) items.push(item)
  }
  return { format, items, skipped: list.length - items.length }
}
