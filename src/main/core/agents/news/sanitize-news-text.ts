import { capLength } from './cap-length'
import { decodeHtmlEntities } from './html-entities'
import { neutraliseTagOpeners, stripMarkup } from './html-markup'
import { limitCombiningMarks, removeInvisibleCharacters } from './invisible-characters'

/**
 * Work is bounded before any pattern runs: a feed may send megabytes in one
 * field, but nothing past this many UTF-16 units could survive the cap
 * unless markup takes it all up, and a headline that is mostly markup is not
 * worth the time.
 */
const MAX_INPUT_UNITS = 100_000

/**
 * Each round can reveal what the previous one hid (an entity decoding to a
 * tag, a fullwidth '＜' folding to '<', `&amp;lt;` needing two decodes).
 * Rounds stop once nothing changes; real feeds settle in two or three.
 */
const MAX_ROUNDS = 4

function cleanOnce(text: string): string {
  return decodeHtmlEntities(stripMarkup(removeInvisibleCharacters(text.normalize('NFKC'))))
}

/**
 * Turns untrusted feed text into plain, visible, single-line text of at most
 * `maxLength` UTF-16 units: NFKC-normalised; without invisible, control,
 * bidirectional or tag characters; without markup (entities are decoded and
 * tags stripped again, so encoded tags cannot survive); with no '<' that
 * could open a tag; whitespace collapsed.
 */
export function sanitizeNewsText(text: string, maxLength: number): string {
  let current = text.length > MAX_INPUT_UNITS ? text.slice(0, MAX_INPUT_UNITS) : text
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = cleanOnce(current)
    if (next === current) break
    current = next
  }
  // The last round may have decoded new markup or invisibles: one more
  // removal pass that decodes nothing guarantees the output properties.
  const visible = neutraliseTagOpeners(stripMarkup(removeInvisibleCharacters(current)))
  const collapsed = limitCombiningMarks(visible).replace(/\s+/gu, ' ').trim()
  return capLength(collapsed, maxLength)
}
