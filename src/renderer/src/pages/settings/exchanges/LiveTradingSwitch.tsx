import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountStatus } from '../../../../../shared/contract/domains/accounts'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { InlineError } from '../../../components/InlineError'
import { Modal } from '../../../components/Modal'
import { setLiveTrading } from '../../../stores/accounts-store'

/**
 * Live trading on a live account. Turning it on is risky: a warning the trader
 * must acknowledge here, then the kernel's second approval. Turning it off
 * only reduces risk and acts at once.
 */
export function LiveTradingSwitch({ account }: { account: AccountStatus }): React.JSX.Element {
  const { t } = useTranslation()
  const ackId = useId()
  const [asking, setAsking] = useState(false)
  const [understood, setUnderstood] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)

  const apply = async (enabled: boolean): Promise<void> => {
    setBusy(true)
    setError(null)
    const failure = await setLiveTrading(account.id, enabled)
    setBusy(false)
    setError(failure)
    if (!failure) setAsking(false)
  }

  const toggle = (): void => {
    if (account.liveEnabled) return void apply(false)
    setUnderstood(false)
    setAsking(true)
  }

  return (
    <span className="live-switch">
      <button
        type="button"
        role="switch"
        aria-checked={account.liveEnabled}
        className={account.liveEnabled ? 'switch switch-on' : 'switch'}
        disabled={busy}
        onClick={toggle}
        data-testid={`live-switch-${account.id}`}
      >
        <span className="switch-knob" aria-hidden="true" />
        {account.liveEnabled ? t('exchanges.live.on') : t('exchanges.live.off')}
      </button>
      {error && !asking && <InlineError error={error} />}
      {asking && (
        <Modal
          title={t('exchanges.live.title', { name: account.name })}
          tone="danger"
          role="alertdialog"
          onClose={busy ? undefined : () => setAsking(false)}
          testId="live-confirm"
          footer={
            <>
              <button type="button" className="btn" onClick={() => setAsking(false)} disabled={busy} data-autofocus>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void apply(true)} disabled={busy || !understood} data-testid="live-confirm-enable">
                {t('exchanges.live.enable')}
              </button>
            </>
          }
        >
          <p className="confirm-live">{t('exchanges.live.warning', { venue: account.venue })}</p>
          <p>{t('exchanges.live.body')}</p>
          <label className="choice choice-check" htmlFor={ackId}>
            <input id={ackId} type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="live-confirm-ack" />
            <span>{t('exchanges.live.acknowledge')}</span>
          </label>
          <p className="muted">{t('desk.secondApproval')}</p>
          {error && <InlineError error={error} />}
        </Modal>
      )}
    </span>
  )
}
