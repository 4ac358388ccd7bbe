import { useTranslation } from 'react-i18next'
import { useSystemStore } from '../stores/system-store'

/** Always on screen: a trader must never wonder whether real money is at stake. */
export function ModeBadge(): React.JSX.Element {
  const { t } = useTranslation()
  const mode = useSystemStore((s) => s.info?.mode ?? null)
  if (mode === null) {
    return (
      <span className="mode-badge mode-unknown" data-testid="mode-badge">
        {t('mode.unknown')}
      </span>
    )
  }
  return (
    <span className={`mode-badge mode-${mode}`} data-testid="mode-badge" data-mode={mode} title={t(mode === 'paper' ? 'mode.paperHint' : 'mode.liveHint')}>
      {t(mode === 'paper' ? 'mode.paper' : 'mode.live')}
    </span>
  )
}
