// Pure number formatting for the order path (ticket, blotter, monitor, risk).
// A fixed en-US grouping everywhere: traders compare digits across screens,
// and the UI language must not move the separators.

const cache = new Map<string, Intl.NumberFormat>()
function format(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`
  let f = cache.get(key)
  if (!f) cache.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })))
  return f
}

const DASH = '—'
const MINUS = '\u2212' // a real minus sign: as wide as the plus in tabular figures

const usable = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value)

/** Money with two decimals, or fewer digits past a million where cents are noise. */
export function formatMoney(value: number | null | undefined, decimals = 2): string {
  if (!usable(value)) return DASH
  return swapMinus(format(decimals, decimals).format(value))
}

/** +1,234.56 / −1,234.56 / 0.00: PnL always carries its sign. */
export function formatSignedMoney(value: number | null | undefined, decimals = 2): string {
  if (!usable(value)) return DASH
  const text = format(decimals, decimals).format(Math.abs(value))
  if (isZeroAt(value, decimals)) return text
  return value > 0 ? `+${text}` : `${MINUS}${text}`
}

/** A plain number with up to `max` decimals and no trailing zeros: sizes typed by a person. */
export function formatQuantity(value: number | null | undefined, max = 8): string {
  if (!usable(value)) return DASH
  return swapMinus(format(0, max).format(value))
}

/** 0.1234 (already percent) → "0.12%". */
export function formatPct(value: number | null | undefined, decimals = 2): string {
  if (!usable(value)) return DASH
  return `${swapMinus(format(decimals, decimals).format(value))}%`
}

/** A share 0..1 → "85.0%". */
export function formatShare(value: number | null | undefined, decimals = 1): string {
  return usable(value) ? formatPct(value * 100, decimals) : DASH
}

/** 3.2 → "3.20×". */
export function formatLeverage(value: number | null | undefined): string {
  return usable(value) ? `${format(2, 2).format(value)}×` : DASH
}

export type Tone = 'up' | 'down' | 'flat'

/** Colour of a PnL figure: green above zero, red below, neutral at zero (as displayed). */
export function toneOf(value: number | null | undefined, decimals = 2): Tone {
  if (!usable(value) || isZeroAt(value, decimals)) return 'flat'
  return value > 0 ? 'up' : 'down'
}

/** Countdown text: "1:05" above a minute, "45 s" below, "0 s" once past. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000))
  if (seconds < 60) return `${seconds} s`
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** 30000 → "30 s", 1500 → "1.5 s", 90000 → "90 s": how risk limits on time read best. */
export function formatMs(ms: number | null | undefined): string {
  if (!usable(ms)) return DASH
  return `${format(0, 1).format(ms / 1000)} s`
}

function isZeroAt(value: number, decimals: number): boolean {
  return Math.abs(value) < 0.5 * 10 ** -decimals
}

function swapMinus(text: string): string {
  // Intl may render "-0.00" for tiny negatives; nobody needs a signed zero.
  if (/^-0(\.0+)?%?$/.test(text)) return text.slice(1)
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text
}
