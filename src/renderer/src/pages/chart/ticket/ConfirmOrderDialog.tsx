import { useTranslation } from 'react-i18next'
import type { OrderDraft } from '../../../../../shared/contract/domains/orders'
import type { Instrument } from '../../../../../shared/domain/market'
import { Modal } from '../../../components/Modal'
import { formatLeverage, formatMoney, formatQuantity } from '../../../format/numbers'
import { submitDraft, useTicketStore } from '../../../stores/ticket-store'
import { draftKey, roughNotional } from '../../../trading/ticket-form'
import { decimalsOf, formatFixed } from '../format-market'
import { currentReferencePrice, type TicketAccount } from './use-ticket-context'

interface ConfirmOrderDialogProps {
  draft: OrderDraft
  account: TicketAccount
  instrument: Instrument
  onClose(): void
}

/**
 * The first of the two approvals: the app's own summary of exactly what will
 * be sent. Confirm submits this draft (not whatever the ticket shows later);
 * the kernel may then ask for its second approval on the main side.
 */
export function ConfirmOrderDialog({ draft, account, instrument, onClose }: ConfirmOrderDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const preview = useTicketStore((s) => s.preview)
  const verdict = preview.answeredKey === draftKey(draft) ? preview.result : null
  const decimals = decimalsOf(instrument.tickSize)
  const kernelNotional = verdict?.estimate.notional ?? null
  const notional = kernelNotional ?? roughNotional(draft, instrument.contractSize, currentReferencePrice())
  const flags = [draft.timeInForce, draft.postOnly ? t('ticket.postOnly') : null, draft.reduceOnly ? t('ticket.reduceOnly') : null].filter(Boolean).join(' · ')
  const unit = instrument.type === 'spot' ? instrument.base : t('ticket.contracts')

  const confirm = (): void => {
    onClose()
    void submitDraft(draft)
  }

  return (
    <Modal
      title={t('ticket.confirm.title')}
      tone={account.mode === 'live' ? 'danger' : 'default'}
      role="alertdialog"
      onClose={onClose}
      testId="order-confirm"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus data-testid="order-confirm-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" className={`btn tk-submit-${draft.side}`} onClick={confirm} data-testid="order-confirm-send">
            {t('ticket.confirm.send', { side: t(`side.${draft.side}`) })}
          </button>
        </>
      }
    >
      <p className={`confirm-headline side-${draft.side}`} data-testid="order-confirm-headline">
        {t(`side.${draft.side}`)} {t(`orderType.${draft.type}`)} {formatQuantity(draft.amount)} {unit} {draft.symbol}
      </p>
      {account.mode === 'live' && <p className="confirm-live">{t('ticket.confirm.live')}</p>}
      <dl className="facts confirm-facts">
        <dt>{t('ticket.account')}</dt>
        <dd>
          {account.name ? (
            <>
              {account.name} <span className="mono dim">({account.id} · {account.venue})</span>
            </>
          ) : (
            <span className="mono">
              {account.id} · {account.venue}
            </span>
          )}
          {account.mode && <span className={`mini-badge mode-${account.mode}`}>{t(account.mode === 'live' ? 'mode.live' : 'mode.paper')}</span>}
        </dd>
        <dt>{t('ticket.price')}</dt>
        <dd className="mono">{draft.price === null ? t('ticket.marketPrice') : formatFixed(draft.price, decimals)}</dd>
        <dt>{t('ticket.confirm.notional')}</dt>
        <dd className="mono" data-testid="order-confirm-notional">
          {kernelNotional === null && notional !== null ? '≈ ' : ''}
          {formatMoney(notional)} {instrument.quote}
        </dd>
        <dt>{t('ticket.leverage')}</dt>
        <dd className="mono">{draft.leverage === null ? t('ticket.leverageDefault') : formatLeverage(draft.leverage)}</dd>
        <dt>{t('ticket.confirm.execution')}</dt>
        <dd className="mono">{flags}</dd>
        <dt>{t('ticket.ttl')}</dt>
        <dd className="mono">
          {draft.ttlMs / 1000} s · {t(draft.partialFillPolicy === 'keep_rest' ? 'ticket.keepRest' : 'ticket.cancelRest')}
        </dd>
        {draft.stopLoss !== null && (
          <>
            <dt>{t('ticket.stopLoss')}</dt>
            <dd className="mono">{formatFixed(draft.stopLoss, decimals)}</dd>
          </>
        )}
        {draft.takeProfit !== null && (
          <>
            <dt>{t('ticket.takeProfit')}</dt>
            <dd className="mono">{formatFixed(draft.takeProfit, decimals)}</dd>
          </>
        )}
        <dt>{t('ticket.confirm.riskCheck')}</dt>
        <dd className={verdict ? `verdict-text verdict-${verdict.decision}` : 'dim'}>{verdict ? t(`ticket.preview.${verdict.decision}`) : t('ticket.confirm.notChecked')}</dd>
      </dl>
      {verdict?.decision === 'reject' && <p className="confirm-warning">{t('ticket.confirm.willReject')}</p>}
      {verdict?.needsApproval && <p className="confirm-note">{t('ticket.confirm.secondApproval')}</p>}
    </Modal>
  )
}
