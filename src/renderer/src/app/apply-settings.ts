import type { Settings } from '../../../shared/domain/settings'
import { browserLanguageTag, setUiLanguage } from '../i18n'
import { resolveLanguage } from '../i18n/languages'
import { useSettingsStore } from '../stores/settings-store'

function apply(settings: Settings): void {
  setUiLanguage(resolveLanguage(settings.language, browserLanguageTag()))
  // The palette lives in CSS variables keyed on this attribute (styles/theme.css).
  document.documentElement.dataset.theme = settings.theme
}

/**
 * Applies persisted settings to the document whenever the store changes,
 * whether by this window's save or another window's `settings.changed`.
 */
export function applySettingsToDocument(): () => void {
  document.documentElement.dataset.theme = 'dark'
  const initial = useSettingsStore.getState().settings
  if (initial) apply(initial)
  return useSettingsStore.subscribe((state, prev) => {
    if (state.settings && state.settings !== prev.settings) apply(state.settings)
  })
}
