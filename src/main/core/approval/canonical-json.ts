/**
 * JSON with object keys sorted at every level, so the same parameters always
 * serialise, and hash, the same whatever order they were built in. Only plain
 * JSON values are accepted: anything JSON.stringify would drop or mangle
 * (undefined, NaN, functions, dates) is an error rather than a silent change
 * to what gets approved.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a finite number`)
    return JSON.stringify(value) // -0 becomes 0, as it should for a price
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`)
}
