import { useTranslation } from 'react-i18next'
import { useSystemStore } from '../stores/system-store'
import { ConnectionIndicator } from './ConnectionIndicator'
import { HeartbeatAge } from './HeartbeatAge'

export function StatusBar(): React.JSX.Element {
  const { t } = useTranslation()
  const version = useSystemStore((s) => s.info?.version ?? null)
  const dataDir = useSystemStore((s) => s.info?.dataDir ?? null)
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ConnectionIndicator />
      <HeartbeatAge />
      <span className="status-spacer" />
      <span className="status-item" data-testid="kernel-version">
        <span className="status-key">{t('status.kernel')}</span> {version ? `v${version}` : t('status.unknown')}
      </span>
      <span className="status-item status-path" data-testid="data-dir" title={dataDir ?? undefined}>
        <span className="status-key">{t('status.dataDir')}</span> <bdi>{dataDir ?? t('status.unknown')}</bdi>
      </span>
    </footer>
  )
}
