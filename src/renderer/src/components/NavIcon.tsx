import type { RouteId } from '../navigation/routes'

// Hand-drawn 16px stroke icons: no icon library for eight glyphs.
const PATHS: Record<RouteId, string> = {
  monitor: 'M1.5 8.5h3l2-5 3 9 2-4h3',
  chart: 'M4 2v12M12 3v10M2.5 5h3v5h-3zM10.5 6h3v4h-3zM8 4v8',
  arena: 'M2.5 2.5h4.5v4.5h-4.5zM9 2.5h4.5v4.5h-4.5zM2.5 9h4.5v4.5h-4.5zM9 9h4.5v4.5h-4.5z',
  feed: 'M6 4h8M6 8h8M6 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01',
  prompts: 'M2.5 3.5l4 4.5-4 4.5M8.5 12.5h5',
  backtest: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v3h3M8 5v3l2 1.5',
  risk: 'M8 1.8l5 1.9v3.9c0 3.1-2.1 5.4-5 6.6-2.9-1.2-5-3.5-5-6.6V3.7zM5.8 8l1.6 1.6 3-3.2',
  settings: 'M2 4h7M12 4h2M2 12h2M7 12h7M2 8h3M8 8h6M10.5 2.5v3M5.5 10.5v3M6.5 6.5v3',
}

export function NavIcon({ route }: { route: RouteId }): React.JSX.Element {
  return (
    <svg className="nav-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[route]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
