/**
 * The known symbols nearest to a mistyped one, for error messages. Only a
 * fallback: adapters name their own closest matches when they refuse a symbol.
 */
export function closestSymbols(wanted: string, known: readonly string[], count = 3): string[] {
  const target = wanted.toUpperCase()
  return known
    .map((symbol) => ({ symbol, distance: editDistance(target, symbol.toUpperCase()) }))
    .sort((a, b) => a.distance - b.distance || a.symbol.localeCompare(b.symbol))
    .slice(0, count)
    .map((entry) => entry.symbol)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
