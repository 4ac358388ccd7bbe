// The XML parser runs with entity processing off (see parse-feed-xml.ts), so
// text arrives exactly as written. These helpers decode it in one pass with
// a fixed table: the five predefined XML entities and numeric references.
// Nothing a document declares is ever expanded.

const XML_ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,8})|#x([0-9a-fA-F]{1,7}));/g
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g

function fromCodePoint(codePoint: number, whole: string): string {
  const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)
  return valid ? String.fromCodePoint(codePoint) : whole
}

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(XML_ENTITY, (whole: string, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10), whole)
    return fromCodePoint(Number.parseInt(hex ?? '', 16), whole)
  })
}

/** Text of an element read verbatim (a stop node): CDATA sections are literal, entities elsewhere are decoded. */
export function decodeInnerXml(raw: string): string {
  let out = ''
  let last = 0
  for (const match of raw.matchAll(CDATA)) {
    out += decodeXmlEntities(raw.slice(last, match.index)) + (match[1] ?? '')
    last = match.index + match[0].length
  }
  return (out + decodeXmlEntities(raw.slice(last))).trim()
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The text of a parsed element, whatever shape the parser gave it: a string,
 * an object with attributes (`{'#text': …, '@_type': 'html'}`), or a list of
 * repeated elements (the first one counts).
 */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? textOf(value[0]) : ''
  if (typeof value === 'string') return decodeInnerXml(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (isRecord(value) && '#text' in value) return textOf(value['#text'])
  return ''
}

/** An attribute value of a parsed element, decoded. */
export function attributeOf(value: unknown, name: string): string {
  const raw = isRecord(value) ? value[`@_${name}`] : undefined
  return typeof raw === 'string' ? decodeXmlEntities(raw).trim() : ''
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null
}
