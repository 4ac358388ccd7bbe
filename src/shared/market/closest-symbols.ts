/**
 * Names the known symbols nearest to a mistyped one, so a `not_found` error
 * tells the trader what they probably meant ('BTCUSDT' → 'BTC/USDT:USDT').
 */
export function closestMatches(query: string, candidates: readonly string[], count = 3): string[] {
  const key = normalize(query)
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(key, normalize(candidate)), raw: editDistance(query, candidate) }))
    .sort((x, y) => x.distance - y.distance || x.raw - y.raw || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map((m) => m.candidate)
}

// Separators and case differ between notations ('btc-usdt-swap', 'BTC/USDT:USDT'); letters carry the meaning.
function normalize(symbol: string): string {
  return symbol.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/** Levenshtein distance with one rolling row. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}
