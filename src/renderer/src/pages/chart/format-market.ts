// Pure number and time formatting for the Chart page; no DOM, so unit tests run it under Node.

/** Decimals needed to show a price or size increment exactly: 0.1 → 1, 0.0005 → 4, 5 → 0. */
export function decimalsOf(step: number): number {
  if (!(step > 0) || step >= 1) return 0
  const text = step.toString()
  const exponent = /e-(\d+)$/.exec(text)
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0)
  return text.split('.')[1]?.length ?? 0
}

// Grouping with a fixed locale: a trader compares digits, and the UI language must not move the separators.
const formatters = new Map<number, Intl.NumberFormat>()
function fixed(decimals: number): Intl.NumberFormat {
  let format = formatters.get(decimals)
  if (!format) formatters.set(decimals, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })))
  return format
}

export function formatFixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : fixed(decimals).format(value)
}

const UNITS: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
]

/** 1234567 → "1.23M": volumes in a header need magnitude, not every digit. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  for (const [size, unit] of UNITS) if (abs >= size) return `${fixed(2).format(value / size)}${unit}`
  return fixed(abs >= 100 ? 0 : 2).format(value)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** Local `HH:mm:ss`, like the rest of the app's timestamps (format/date-time.ts). */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** Spread in price and in basis points of the mid, or null while one side is empty. */
export function spreadOf(bid: number | null | undefined, ask: number | null | undefined): { spread: number; bps: number; mid: number } | null {
  if (bid === null || bid === undefined || ask === null || ask === undefined) return null
  const mid = (bid + ask) / 2
  return { spread: ask - bid, bps: mid > 0 ? ((ask - bid) / mid) * 10_000 : 0, mid }
}
