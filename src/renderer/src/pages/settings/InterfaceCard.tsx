import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSchema, ThemeSchema, type Settings } from '../../../../shared/domain/settings'
import { Card } from '../../components/Card'
import { browserLanguageTag } from '../../i18n'
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES, systemLanguage } from '../../i18n/languages'
import { updateSettings } from '../../stores/settings-store'
import { SettingRow } from './SettingRow'

// "system" stands for the null setting: a <select> value cannot be null.
const SYSTEM = 'system'

export function InterfaceCard({ settings }: { settings: Settings | null }): React.JSX.Element {
  const { t } = useTranslation()
  const languageId = useId()
  const themeId = useId()
  const disabled = settings === null
  const system = LANGUAGE_NATIVE_NAMES[systemLanguage(browserLanguageTag())]

  const onLanguage = (value: string): void => {
    const language = value === SYSTEM ? null : LanguageSchema.parse(value)
    void updateSettings({ language })
  }
  const onTheme = (value: string): void => void updateSettings({ theme: ThemeSchema.parse(value) })

  return (
    <Card title={t('settings.interface')} testId="settings-interface">
      <SettingRow id={languageId} label={t('settings.language')} hint={t('settings.languageHint')}>
        <select
          id={languageId}
          value={settings?.language ?? SYSTEM}
          disabled={disabled}
          aria-describedby={`${languageId}-hint`}
          onChange={(e) => onLanguage(e.target.value)}
          data-testid="setting-language"
        >
          <option value={SYSTEM}>{t('settings.languageSystem', { language: system })}</option>
          {SUPPORTED_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NATIVE_NAMES[language]}
            </option>
          ))}
        </select>
      </SettingRow>
      <SettingRow id={themeId} label={t('settings.theme')}>
        <select id={themeId} value={settings?.theme ?? 'dark'} disabled={disabled} onChange={(e) => onTheme(e.target.value)} data-testid="setting-theme">
          <option value="dark">{t('settings.themeDark')}</option>
          <option value="light">{t('settings.themeLight')}</option>
        </select>
      </SettingRow>
    </Card>
  )
}
