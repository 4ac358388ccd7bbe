import { useTranslation } from 'react-i18next'
import { Card } from '../../components/Card'
import { formatDateTime } from '../../format/date-time'
import { useSystemStore } from '../../stores/system-store'

/** Read-only facts about the running kernel, for support and for knowing which profile is open. */
export function SystemCard(): React.JSX.Element {
  const { t } = useTranslation()
  const info = useSystemStore((s) => s.info)
  const dash = t('status.unknown')
  const started = info ? formatDateTime(info.startedAt) : dash
  return (
    <Card title={t('settings.system')} testId="settings-system">
      <dl className="facts">
        <dt>{t('settings.version')}</dt>
        <dd className="mono">{info ? `v${info.version}` : dash}</dd>
        <dt>{t('settings.shell')}</dt>
        <dd>{info ? t(`settings.shells.${info.shell}`) : dash}</dd>
        <dt>{t('settings.tradingMode')}</dt>
        <dd>{info ? t(`settings.modes.${info.mode}`) : dash}</dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd className="mono break">{info?.dataDir ?? dash}</dd>
        <dt>{t('settings.startedAt')}</dt>
        <dd className="mono">{started}</dd>
      </dl>
    </Card>
  )
}
