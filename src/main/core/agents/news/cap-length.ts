const ELLIPSIS = '…'

/**
 * Caps text at `maxLength` UTF-16 units (the unit the stored schemas count),
 * cutting on a code point boundary so no surrogate pair is split, and marks
 * the cut with an ellipsis that counts towards the cap.
 */
export function capLength(text: string, maxLength: number): string {
  const limit = Math.floor(maxLength)
  if (!(limit > 0)) return ''
  if (text.length <= limit) return text
  let kept = ''
  for (const codePoint of text) {
    if (kept.length + codePoint.length > limit - ELLIPSIS.length) break
    kept += codePoint
  }
  return kept.trimEnd() + ELLIPSIS
}
