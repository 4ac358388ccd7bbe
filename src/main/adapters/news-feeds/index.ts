export { createNewsSource, DEFAULT_NEWS_MAX_BYTES, DEFAULT_NEWS_TIMEOUT_MS, type NewsSourceOptions } from './news-source'
export { parseNewsDocument } from './parse-news-document'
export type { NewsDocumentFormat, ParsedNewsDocument, ParseNewsOptions } from './parsed-document'
