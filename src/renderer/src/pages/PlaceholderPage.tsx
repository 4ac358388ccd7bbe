import { useTranslation } from 'react-i18next'
import { Card } from '../components/Card'
import { PageHeader } from '../components/PageHeader'
import type { RouteId } from '../navigation/routes'

export type PlaceholderRoute = Exclude<RouteId, 'settings' | 'monitor' | 'chart' | 'risk'>

/** An honest stand-in: says what the page will hold, shows no invented numbers. */
export function PlaceholderPage({ route }: { route: PlaceholderRoute }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="page" data-testid={`page-${route}`}>
      <PageHeader title={t(`nav.${route}`)} />
      <Card title={t('placeholder.willHold')} aside={<span className="pill pill-muted">{t('placeholder.badge')}</span>} className="placeholder-card">
        <p className="placeholder-text">{t(`placeholder.${route}`)}</p>
      </Card>
    </div>
  )
}
