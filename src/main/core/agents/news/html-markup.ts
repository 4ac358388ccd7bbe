// Markup in a headline is never content: it is either formatting we cannot
// show or an attempt to hide text (comments, script bodies) from the human
// who reads the same feed. Every pattern below is linear: character classes
// stop at the next '<' or '>' so a hostile document cannot cause backtracking.

/** Elements whose whole content is code or hidden data, removed with their body (to the end if never closed). */
const HIDDEN_CONTAINERS = /<(script|style|noscript|template|iframe|object|svg|math)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g
const CDATA_MARKERS = /<!\[CDATA\[|\]\]>/g
/** Element tags, closing tags, declarations (`<!DOCTYPE …>`) and processing instructions (`<?xml …?>`). */
const TAGS = /<\/?[A-Za-z][^<>]*>|<[!?][^<>]*>/g

/** Removes HTML/XML markup, keeping the visible text of ordinary elements. Tags become spaces so words stay apart. */
export function stripMarkup(text: string): string {
  if (!text.includes('<') && !text.includes(']]>')) return text
  return text.replace(COMMENTS, ' ').replace(CDATA_MARKERS, '').replace(HIDDEN_CONTAINERS, ' ').replace(TAGS, ' ')
}

/**
 * Whatever is left that could still open a tag ('<' before a letter, '/',
 * '!' or '?', e.g. an unclosed `<img …` at the end) is shown as a harmless
 * single angle quotation mark instead.
 */
export function neutraliseTagOpeners(text: string): string {
  return text.replace(/<(?=[\p{L}/!?])/gu, '‹')
}
