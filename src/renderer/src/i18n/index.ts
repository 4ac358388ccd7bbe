import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/domain/settings'
import { en } from './en'
import { zhCN } from './zh-CN'
import { systemLanguage } from './languages'

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const

/** The browser's own language tag, the "system" the null setting follows. */
export function browserLanguageTag(): string | undefined {
  return navigator.languages[0] ?? navigator.language
}

export const i18n: I18n = i18next.createInstance()

/**
 * Starts in the system language; the persisted setting, once the kernel has
 * answered, switches it (see app/apply-settings.ts). Resources are bundled,
 * so init completes without any loading.
 */
export async function initI18n(): Promise<void> {
  i18n.on('languageChanged', (lng) => {
    // Screen readers, hyphenation and CJK font selection all key off <html lang>.
    document.documentElement.lang = lng
    document.title = i18n.t('app.title')
  })
  await i18n.use(initReactI18next).init({
    resources,
    lng: systemLanguage(browserLanguageTag()),
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    interpolation: { escapeValue: false }, // React escapes what it renders.
  })
}

export function setUiLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language)
}
