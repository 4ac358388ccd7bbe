import { formatMoney, formatPct, toneOf, type Tone } from '../../format/numbers'

// Leaderboard figures, in the app's one number style (en-US grouping, real minus sign).

const DASH = '—'

/** "+1.23%" / "−0.45%" / "0.00%": returns always carry their sign. */
export function formatSignedPct(value: number | null | undefined, decimals = 2): string {
  const text = formatPct(value, decimals)
  return text !== DASH && toneOf(value, decimals) === 'up' ? `+${text}` : text
}

/** A ratio such as Sharpe with two decimals; a dash until there is enough history. */
export function formatRatio(value: number | null | undefined): string {
  return formatMoney(value, 2)
}

/** Green above zero, red below, neutral at zero as displayed. */
export function returnTone(value: number | null | undefined, decimals = 2): Tone {
  return toneOf(value, decimals)
}
