/*
 * Every string the rules provider emits goes through clip: the role schemas
 * cap each text field, and symbol names, news titles and counts can make a
 * composed text arbitrarily long. A clipped text is better than an answer
 * the parser refuses.
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}

/** At most max items; when some are dropped, the last kept slot says how many. */
export function capList(items: readonly string[], max: number, itemMax: number): string[] {
  if (items.length <= max) return items.map((item) => clip(item, itemMax))
  const kept = items.slice(0, max - 1).map((item) => clip(item, itemMax))
  return [...kept, clip(`…and ${items.length - kept.length} more`, itemMax)]
}

export function sentence(parts: readonly string[]): string {
  return parts.filter((part) => part.length > 0).join('; ')
}
