import type { RouteId } from '../navigation/routes'
import { ChartPage } from '../pages/chart/ChartPage'
import { PlaceholderPage } from '../pages/PlaceholderPage'
import { SettingsPage } from '../pages/settings/SettingsPage'

export function PageView({ route }: { route: RouteId }): React.JSX.Element {
  if (route === 'settings') return <SettingsPage />
  if (route === 'chart') return <ChartPage />
  // Keyed so switching between placeholders starts each page fresh.
  return <PlaceholderPage key={route} route={route} />
}
