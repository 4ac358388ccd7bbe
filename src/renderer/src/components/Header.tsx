import { useTranslation } from 'react-i18next'
import { ApprovalChip } from './approvals/ApprovalChip'
import { BrandMark } from './BrandMark'
import { KillSwitchButton } from './kill-switch/KillSwitchButton'
import { ModeBadge } from './ModeBadge'
import { DeskRiskControls } from './risk/DeskRiskControls'

export function Header(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="header-right">
        <ApprovalChip />
        <DeskRiskControls />
        <KillSwitchButton />
        <ModeBadge />
      </div>
    </header>
  )
}
