import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LogLevelSchema, type Settings } from '../../../../shared/domain/settings'
import { Card } from '../../components/Card'
import { updateSettings } from '../../stores/settings-store'
import { SettingRow } from './SettingRow'

export function LoggingCard({ settings }: { settings: Settings | null }): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card title={t('settings.logging')} testId="settings-logging">
      <SettingRow id={id} label={t('settings.logLevel')} hint={t('settings.logLevelHint')}>
        <select
          id={id}
          value={settings?.logLevel ?? 'info'}
          disabled={settings === null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void updateSettings({ logLevel: LogLevelSchema.parse(e.target.value) })}
          data-testid="setting-log-level"
        >
          {LogLevelSchema.options.map((level) => (
            <option key={level} value={level}>
              {t(`settings.logLevels.${level}`)}
            </option>
          ))}
        </select>
      </SettingRow>
    </Card>
  )
}
