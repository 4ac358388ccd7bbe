import { useTranslation } from 'react-i18next'
import { hrefFor, ROUTE_IDS, type RouteId } from '../navigation/routes'

// Risk and Settings sit apart at the bottom of the rail: they configure the desk rather than trade.
import { NavIcon } from './NavIcon'

export function NavRail({ current }: { current: RouteId }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <ul>
        {ROUTE_IDS.map((route) => (
          <li key={route} className={route === 'risk' ? 'nav-bottom' : undefined}>
            <a
              href={hrefFor(route)}
              className="nav-link"
              aria-current={route === current ? 'page' : undefined}
              data-testid={`nav-${route}`}
            >
              <NavIcon route={route} />
              <span>{t(`nav.${route}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
