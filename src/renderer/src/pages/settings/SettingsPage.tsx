import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { hrefFor } from '../../navigation/routes'
import { useSection } from '../../navigation/use-route'
import { useSettingsStore } from '../../stores/settings-store'
import { ExchangesSection } from './exchanges/ExchangesSection'
import { InterfaceCard } from './InterfaceCard'
import { LoggingCard } from './LoggingCard'
import { ModelsSection } from './models/ModelsSection'
import { NewsSection } from './news/NewsSection'
import { SaveStatus } from './SaveStatus'
import { SystemCard } from './SystemCard'
import './settings-tabs.css'

const TABS = ['general', 'exchanges', 'models', 'news'] as const
type Tab = (typeof TABS)[number]
const TAB_LABELS = { general: 'settings.tabs.general', exchanges: 'settings.tabs.exchanges', models: 'modelSettings.tab', news: 'newsSettings.tab' } as const
const TAB_SUBTITLES = { general: 'settings.subtitle', exchanges: 'exchanges.subtitle', models: 'modelSettings.subtitle', news: 'newsSettings.subtitle' } as const

export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const section = useSection()
  const tab: Tab = TABS.find((id) => id === section) ?? 'general'
  return (
    <div className="page page-settings" data-testid="page-settings">
      <PageHeader title={t('settings.title')} subtitle={t(TAB_SUBTITLES[tab])} aside={tab === 'general' ? <SaveStatus /> : undefined} />
      <nav className="settings-tabs" aria-label={t('settings.sections')}>
        {TABS.map((id) => (
          <a key={id} className="settings-tab" href={id === 'general' ? hrefFor('settings') : hrefFor('settings', id)} aria-current={tab === id ? 'page' : undefined} data-testid={`settings-tab-${id}`}>
            {t(TAB_LABELS[id])}
          </a>
        ))}
      </nav>
      {tab === 'general' ? <GeneralSettings /> : tab === 'exchanges' ? <ExchangesSection /> : tab === 'models' ? <ModelsSection /> : <NewsSection />}
    </div>
  )
}

function GeneralSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const loadError = useSettingsStore((s) => s.loadError)
  const saveError = useSettingsStore((s) => s.saveError)
  return (
    <>
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
    </>
  )
}
