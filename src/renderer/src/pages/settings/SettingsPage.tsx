import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useSettingsStore } from '../../stores/settings-store'
import { InterfaceCard } from './InterfaceCard'
import { LoggingCard } from './LoggingCard'
import { SaveStatus } from './SaveStatus'
import { SystemCard } from './SystemCard'

export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const loadError = useSettingsStore((s) => s.loadError)
  const saveError = useSettingsStore((s) => s.saveError)
  return (
    <div className="page page-settings" data-testid="page-settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} aside={<SaveStatus />} />
      {saveError && <ErrorAlert error={saveError} message={t('settings.saveFailed', { message: saveError.message })} testId="settings-save-error" />}
      {loadError && <ErrorAlert error={loadError} message={t('settings.loadFailed', { message: loadError.message })} testId="settings-load-error" />}
      {!settings && !loadError && <p className="muted">{t('settings.loading')}</p>}
      <div className="settings-grid">
        <div className="settings-column">
          <InterfaceCard settings={settings} />
          <LoggingCard settings={settings} />
        </div>
        <SystemCard />
      </div>
    </div>
  )
}
