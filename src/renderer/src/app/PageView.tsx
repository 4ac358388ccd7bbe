import type { RouteId } from '../navigation/routes'
import { ChartPage } from '../pages/chart/ChartPage'
import { MonitorPage } from '../pages/monitor/MonitorPage'
import { PlaceholderPage } from '../pages/PlaceholderPage'
import { RiskPage } from '../pages/risk/RiskPage'
import { SettingsPage } from '../pages/settings/SettingsPage'

export function PageView({ route }: { route: RouteId }): React.JSX.Element {
  if (route === 'settings') return <SettingsPage />
  if (route === 'chart') return <ChartPage />
  if (route === 'monitor') return <MonitorPage />
  if (route === 'risk') return <RiskPage />
  // Keyed so switching between placeholders starts each page fresh.
  return <PlaceholderPage key={route} route={route} />
}
