/**
 * Removes a DOCTYPE declaration (with its internal subset) from the prolog.
 * Entity declarations live there: billion-laughs and external-entity (XXE)
 * documents need them, and feeds never do. The parser also runs with entity
 * processing off, so this is the second of two locks, not the only one.
 */
export function stripDoctype(xml: string): string {
  const start = xml.search(/<!DOCTYPE/i)
  if (start < 0) return xml
  // Only a declaration in the prolog is a DOCTYPE; the same letters later
  // (inside CDATA, say) are text and are left alone.
  if (!/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*$/.test(xml.slice(0, start))) return xml
  let quote: string | null = null
  let depth = 0
  for (let i = start + 2; i < xml.length; i++) {
    const char = xml[i]
    if (quote !== null) {
      if (char === quote) quote = null
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '[') {
      depth++
    } else if (char === ']') {
      depth = Math.max(0, depth - 1)
    } else if (char === '>' && depth === 0) {
      return xml.slice(0, start) + xml.slice(i + 1)
    }
  }
  throw new Error('malformed XML: the DOCTYPE declaration is never closed')
}
