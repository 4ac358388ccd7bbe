import type { RouteId } from '../navigation/routes'
import { PlaceholderPage } from '../pages/PlaceholderPage'
import { SettingsPage } from '../pages/settings/SettingsPage'

export function PageView({ route }: { route: RouteId }): React.JSX.Element {
  if (route === 'settings') return <SettingsPage />
  // Keyed so switching between placeholders starts each page fresh.
  return <PlaceholderPage key={route} route={route} />
}
