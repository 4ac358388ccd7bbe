import { useTranslation } from 'react-i18next'
import type { PilotStatus } from '../../../../shared/domain/agents/pilot'
import { controlPilot, usePilotsStore } from '../../stores/arena-pilots-store'
import { availableControls, PILOT_CONTROLS } from '../../stores/arena-state'
import { LoadError } from '../feed/LoadError'

/** Run now / Pause / Resume / Stop, each enabled only where it means something; the kernel's refusal shows underneath. */
export function PilotControls({ status }: { status: PilotStatus }): React.JSX.Element {
  const { t } = useTranslation()
  const pilotId = status.config.id
  const busy = usePilotsStore((s) => s.busy[pilotId])
  const refusal = usePilotsStore((s) => s.controlErrors[pilotId])
  const allowed = availableControls(status.state, status.cycling)
  return (
    <div className="pilot-controls-wrap">
      <div className="pilot-controls" role="group" aria-label={t('arena.pilot.controls')}>
        {PILOT_CONTROLS.map((control) => (
          <button
            key={control}
            type="button"
            className={control === 'runNow' ? 'btn btn-small btn-primary' : control === 'stop' ? 'btn btn-small btn-warn' : 'btn btn-small'}
            disabled={busy !== undefined || !allowed.has(control)}
            title={t(`arena.controlHints.${control}`)}
            onClick={() => void controlPilot(pilotId, control)}
            data-testid={`pilot-${control}`}
            data-busy={busy === control || undefined}
          >
            {busy === control ? '…' : t(`arena.controls.${control}`)}
          </button>
        ))}
      </div>
      {refusal && (
        <LoadError
          error={refusal.error}
          text={t('arena.pilot.controlFailed', { control: t(`arena.controls.${refusal.control}`), message: refusal.error.message })}
          testId="pilot-control-error"
        />
      )}
    </div>
  )
}
