// Characters a reader cannot see but a model still reads. Attackers use them
// to hide instructions inside innocent-looking headlines, to reorder text on
// screen (bidi overrides) or to smuggle whole sentences (Unicode tag
// characters, variation selectors). News text never needs any of them.

/**
 * Format characters (Cf: zero-width space/joiners, bidi embeddings,
 * overrides and isolates, U+061C, U+180E, U+2060-U+2064, U+FEFF, soft hyphen,
 * tag characters U+E0001/U+E0020-U+E007F), unassigned code points (Cn,
 * including the rest of the tag block and noncharacters), private-use
 * characters (Co), lone surrogates (Cs), variation selectors and the
 * invisible Hangul fillers / combining grapheme joiner.
 */
const INVISIBLE = /[\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Variation_Selector}\u{E0000}-\u{E007F}\u115F\u1160\u3164\uFFA0]|\u034F|\u17B4|\u17B5/gu

/** C0 and C1 controls (tab and newline included) and the line/paragraph separators: they become plain spaces. */
const CONTROLS = /[\p{Cc}\u2028\u2029]/gu

/** More than three stacked combining marks only serve to smear text over its neighbours ("zalgo"). */
const MARK_PILE = /(\p{M}{3})\p{M}+/gu

/** Removes invisible characters and turns controls into spaces, so words they separated stay apart. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROLS, ' ')
}

/** Caps runs of combining marks at three. */
export function limitCombiningMarks(text: string): string {
  return text.replace(MARK_PILE, '$1')
}
