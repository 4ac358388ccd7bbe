import type { Language } from '../../../shared/domain/settings'

// Pure on purpose (no DOM): unit tests run it under Node.

export const SUPPORTED_LANGUAGES: readonly Language[] = ['en', 'zh-CN']

/** Each language is offered under its own name, so a trader can find theirs whatever the UI shows. */
export const LANGUAGE_NATIVE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
}

/** Maps a BCP 47 tag from the browser or OS to a shipped language: any Chinese → zh-CN, anything else → en. */
export function systemLanguage(tag: string | undefined): Language {
  return tag !== undefined && /^zh\b/i.test(tag) ? 'zh-CN' : 'en'
}

/** A null setting means "follow the system", the state of a fresh profile. */
export function resolveLanguage(setting: Language | null, systemTag: string | undefined): Language {
  return setting ?? systemLanguage(systemTag)
}
