import { useTranslation } from 'react-i18next'
import { useConnectionStore } from '../stores/connection-store'
import { connectionDisplay } from '../stores/connection-status'

export function ConnectionIndicator(): React.JSX.Element {
  const { t } = useTranslation()
  const display = useConnectionStore((s) => connectionDisplay(s.state, s.everOpened))
  const kind = useConnectionStore((s) => s.kind)
  const title = [kind ? t(`status.via.${kind}`) : null, display === 'disconnected' ? t('status.reconnecting') : null].filter(Boolean).join(' · ')
  return (
    <span className={`status-item conn conn-${display}`} data-testid="connection-state" data-state={display} role="status" title={title || undefined}>
      <span className="dot" aria-hidden="true" />
      {t(`status.${display}`)}
    </span>
  )
}
