import { useTranslation } from 'react-i18next'
import { useSettingsStore } from '../../stores/settings-store'

/** "Saving…" while an update is in flight; "Saved" fades out by CSS after a success. */
export function SaveStatus(): React.JSX.Element | null {
  const { t } = useTranslation()
  const saving = useSettingsStore((s) => s.saving > 0)
  const savedAt = useSettingsStore((s) => s.savedAt)
  const failed = useSettingsStore((s) => s.saveError !== null)
  if (saving) return <span className="pill pill-muted" data-testid="save-status">{t('settings.saving')}</span>
  if (savedAt === null || failed) return null
  // Keyed by the save time so the fade animation restarts on every save.
  return (
    <span key={savedAt} className="pill pill-ok fade-out" data-testid="save-status">
      {t('settings.saved')}
    </span>
  )
}
