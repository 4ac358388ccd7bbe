import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KillReceipt, RiskScope } from '../../../../shared/contract/domains/risk'
import type { ContractError } from '../../../../shared/contract/envelope'
import { useAccountsStore } from '../../stores/accounts-store'
import { engageKillSwitch, useRiskStore } from '../../stores/risk-store'
import { InlineError } from '../InlineError'
import { Modal } from '../Modal'
import { KillReceiptView } from './KillReceiptView'

type Phase = { kind: 'form' } | { kind: 'engaging' } | { kind: 'done'; receipt: KillReceipt } | { kind: 'failed'; error: ContractError }

/**
 * Scope (the whole desk by default, or one account) and whether to flatten,
 * then the engage call with the kernel's progress events, then its receipt.
 * No second approval: stopping is never the risky direction.
 */
export function KillSwitchDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const ids = { scope: useId(), account: useId(), flatten: useId() }
  const accounts = useAccountsStore((s) => s.accounts)
  const [kind, setKind] = useState<'desk' | 'account'>('desk')
  const [accountId, setAccountId] = useState('')
  const [flatten, setFlatten] = useState(false)
  const [phase, setPhase] = useState<Phase>({ kind: 'form' })
  // Progress events that arrive after this dialog engaged; anything older belongs to an earlier kill.
  const [baseline, setBaseline] = useState<KillReceipt | null>(null)
  const latest = useRiskStore((s) => s.killProgress)
  const progress = phase.kind === 'engaging' && latest !== baseline ? latest : null

  const chosenAccount = accountId || accounts?.[0]?.id || ''
  const scope: RiskScope | null = kind === 'desk' ? { kind: 'desk' } : chosenAccount ? { kind: 'account', accountId: chosenAccount } : null

  const engage = async (): Promise<void> => {
    if (!scope) return
    setBaseline(useRiskStore.getState().killProgress)
    setPhase({ kind: 'engaging' })
    const envelope = await engageKillSwitch(scope, flatten)
    setPhase(envelope.ok ? { kind: 'done', receipt: envelope.value } : { kind: 'failed', error: envelope.error })
  }

  const busy = phase.kind === 'engaging'
  const footer =
    phase.kind === 'done' ? (
      <button type="button" className="btn" onClick={onClose} data-autofocus data-testid="kill-switch-done">
        {t('common.close')}
      </button>
    ) : (
      <>
        <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus data-testid="kill-switch-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void engage()} disabled={busy || !scope} data-testid="kill-switch-engage">
          {busy ? t('killSwitch.engaging') : phase.kind === 'failed' ? t('killSwitch.retry') : t('killSwitch.engage')}
        </button>
      </>
    )

  return (
    <Modal title={t('killSwitch.title')} tone="danger" role="alertdialog" onClose={busy ? undefined : onClose} footer={footer} testId="kill-switch-dialog">
      {phase.kind === 'done' ? (
        <KillReceiptView receipt={phase.receipt} final />
      ) : (
        <>
          <p>{t('killSwitch.intro')}</p>
          <fieldset className="choice-group" disabled={busy}>
            <legend>{t('killSwitch.scope')}</legend>
            <label className="choice" htmlFor={`${ids.scope}-desk`}>
              <input id={`${ids.scope}-desk`} type="radio" name={ids.scope} checked={kind === 'desk'} onChange={() => setKind('desk')} data-testid="kill-scope-desk" />
              {t('killSwitch.desk')}
            </label>
            <label className="choice" htmlFor={`${ids.scope}-account`}>
              <input id={`${ids.scope}-account`} type="radio" name={ids.scope} checked={kind === 'account'} onChange={() => setKind('account')} disabled={!accounts?.length} data-testid="kill-scope-account" />
              {t('killSwitch.oneAccount')}
              <select id={ids.account} aria-label={t('killSwitch.account')} value={chosenAccount} disabled={kind !== 'account'} onChange={(e) => setAccountId(e.target.value)} className="choice-select">
                {accounts?.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.id})
                  </option>
                ))}
              </select>
            </label>
            {!accounts?.length && <p className="field-hint">{t('killSwitch.noAccounts')}</p>}
          </fieldset>
          <label className="choice choice-check" htmlFor={ids.flatten}>
            <input id={ids.flatten} type="checkbox" checked={flatten} disabled={busy} onChange={(e) => setFlatten(e.target.checked)} data-testid="kill-flatten" />
            <span>
              {t('killSwitch.flatten')}
              <span className="field-hint">{t('killSwitch.flattenHint')}</span>
            </span>
          </label>
          {busy && <p className="muted" role="status">{t('killSwitch.waiting')}</p>}
          {progress && <KillReceiptView receipt={progress} final={false} />}
          {phase.kind === 'failed' && <InlineError error={phase.error} prefix={t('killSwitch.failed')} testId="kill-switch-error" />}
        </>
      )}
    </Modal>
  )
}
