import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BreakerStatus, RiskScope } from '../../../../shared/contract/domains/risk'
import type { ContractError } from '../../../../shared/contract/envelope'
import { displayState } from '../../stores/risk-state'
import { pauseScope, resumeScope } from '../../stores/risk-store'
import { LiftHaltDialog } from './LiftHaltDialog'

type Action = 'pause' | 'resume'

/** An error stays this long: long enough to read, short enough not to linger after the cause is gone. */
const ERROR_SHOWN_MS = 10_000

/**
 * Pause / Resume / Lift halt for one scope (the desk in the header, an
 * account on its card). Pausing reduces risk, so it acts at once; lifting a
 * halt is risky and goes through a confirmation (and the kernel's second approval).
 */
export function ScopeActions({ scope, status, testId }: { scope: RiskScope; status: BreakerStatus | null; testId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ action: Action; error: ContractError } | null>(null)
  const [lifting, setLifting] = useState(false)
  const state = displayState(status)

  useEffect(() => {
    if (!error) return
    const timer = setTimeout(() => setError(null), ERROR_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [error])

  const run = async (action: Action): Promise<void> => {
    setBusy(true)
    setError(null)
    const failure = await (action === 'pause' ? pauseScope(scope) : resumeScope(scope))
    setBusy(false)
    if (failure) setError({ action, error: failure })
  }

  return (
    <span className="scope-actions" data-testid={testId}>
      {state === 'halted' ? (
        <button type="button" className="btn btn-small btn-warn" onClick={() => setLifting(true)} data-testid={`${testId}-lift`}>
          {t('desk.liftHalt')}
        </button>
      ) : state === 'paused' ? (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('resume')} title={t('desk.resumeHint')} data-testid={`${testId}-resume`}>
          {t('desk.resume')}
        </button>
      ) : (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('pause')} title={t('desk.pauseHint')} data-testid={`${testId}-pause`}>
          {t('desk.pause')}
        </button>
      )}
      {error && (
        <span className="scope-error" role="alert" title={`${error.error.code}: ${error.error.message}`} data-testid={`${testId}-error`}>
          {t('desk.actionFailed', { action: t(`desk.${error.action}`), message: error.error.message })}
        </span>
      )}
      {lifting && <LiftHaltDialog scope={scope} onClose={() => setLifting(false)} />}
    </span>
  )
}
