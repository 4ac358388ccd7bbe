import type { RouteId } from '../navigation/routes'
import { ArenaPage } from '../pages/arena/ArenaPage'
import { ChartPage } from '../pages/chart/ChartPage'
import { FeedPage } from '../pages/feed/FeedPage'
import { MonitorPage } from '../pages/monitor/MonitorPage'
import { PlaceholderPage } from '../pages/PlaceholderPage'
import { PromptStudioPage } from '../pages/prompts/PromptStudioPage'
import { RiskPage } from '../pages/risk/RiskPage'
import { SettingsPage } from '../pages/settings/SettingsPage'

export function PageView({ route }: { route: RouteId }): React.JSX.Element {
  if (route === 'settings') return <SettingsPage />
  if (route === 'chart') return <ChartPage />
  if (route === 'monitor') return <MonitorPage />
  if (route === 'risk') return <RiskPage />
  if (route === 'prompts') return <PromptStudioPage />
  if (route === 'feed') return <FeedPage />
  if (route === 'arena') return <ArenaPage />
  // Keyed so switching between placeholders starts each page fresh.
  return <PlaceholderPage key={route} route={route} />
}
