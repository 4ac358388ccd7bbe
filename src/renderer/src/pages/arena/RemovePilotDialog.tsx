import { useTranslation } from 'react-i18next'
import type { PilotConfig } from '../../../../shared/domain/agents/pilot'
import { removePilot } from '../../stores/pilot-editor-store'
import { ConfirmDialog } from '../../components/ConfirmDialog'

/**
 * Removing a pilot, confirmed once and starting on Cancel: it says the pilot
 * stops now, and that its account, orders and decisions stay.
 */
export function RemovePilotDialog({ config, onClose }: { config: Pick<PilotConfig, 'id' | 'name' | 'accountId'>; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <ConfirmDialog title={t('pilotSettings.removeTitle', { name: config.name })} confirmLabel={t('pilotSettings.removeConfirm')} onConfirm={() => removePilot(config.id)} onClose={onClose} testId="pilot-remove">
      <p data-testid="pilot-remove-stops">{t('pilotSettings.removeStops', { name: config.name })}</p>
      <p className="muted" data-testid="pilot-remove-keeps">
        {t('pilotSettings.removeKeeps', { account: config.accountId })}
      </p>
    </ConfirmDialog>
  )
}
