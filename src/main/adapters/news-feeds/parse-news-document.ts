import type { NewsFeed } from '../../../shared/domain/agents/news'
import { parseFeedXml } from './parse-feed-xml'
import { parseNewsJson } from './parse-news-json'
import type { ParseNewsOptions, ParsedNewsDocument } from './parsed-document'

/**
 * Parses a feed body. The feed's kind picks the parser, unless the body
 * plainly is the other format (a JSON API that answers in RSS, or the
 * reverse): servers mislabel content types, and the body does not lie.
 */
export function parseNewsDocument(text: string, kind: NewsFeed['kind'], options: ParseNewsOptions = {}): ParsedNewsDocument {
  const start = text.trimStart()
  if (start === '') throw new Error('the response was empty')
  const looksXml = start.startsWith('<')
  const looksJson = start.startsWith('{') || start.startsWith('[')
  if (looksXml || (kind === 'rss' && !looksJson)) return parseFeedXml(text, options)
  return parseNewsJson(text, options)
}
