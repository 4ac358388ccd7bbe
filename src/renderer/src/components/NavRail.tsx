import { useTranslation } from 'react-i18next'
import { hrefFor, ROUTE_IDS, type RouteId } from '../navigation/routes'
import { NavIcon } from './NavIcon'

export function NavRail({ current }: { current: RouteId }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <ul>
        {ROUTE_IDS.map((route) => (
          <li key={route} className={route === 'settings' ? 'nav-bottom' : undefined}>
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
