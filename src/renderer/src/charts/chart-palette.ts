/** Colours of the chart, read from the app's CSS variables so it follows the theme. */
export interface ChartPalette {
  background: string
  text: string
  grid: string
  border: string
  crosshair: string
  up: string
  down: string
  watermark: string
}

// Fallbacks match the dark theme (#0F172A base, #22D3EE accent) should a variable be missing.
const FALLBACK: ChartPalette = {
  background: '#0f172a',
  text: '#94a3b8',
  grid: 'rgba(148, 163, 184, 0.07)',
  border: '#22304a',
  crosshair: '#22d3ee',
  up: '#22c55e',
  down: '#ef4444',
  watermark: 'rgba(251, 191, 36, 0.09)',
}

/** Reads `--chart-*` variables (pages/chart/chart.css) as resolved on `element`. */
export function paletteFrom(element: HTMLElement): ChartPalette {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  return {
    background: read('--chart-bg', FALLBACK.background),
    text: read('--chart-text', FALLBACK.text),
    grid: read('--chart-grid', FALLBACK.grid),
    border: read('--chart-border', FALLBACK.border),
    crosshair: read('--chart-crosshair', FALLBACK.crosshair),
    up: read('--chart-up', FALLBACK.up),
    down: read('--chart-down', FALLBACK.down),
    watermark: read('--chart-watermark', FALLBACK.watermark),
  }
}

/** `#rrggbb` at an opacity, for volume bars that must not compete with the candles. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)
  if (!hex) return color
  const n = Number.parseInt(hex[1]!, 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}
