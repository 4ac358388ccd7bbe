import { useTranslation } from 'react-i18next'
import { BrandMark } from './BrandMark'
import { ModeBadge } from './ModeBadge'

export function Header(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="header-right">
        <ModeBadge />
      </div>
    </header>
  )
}
