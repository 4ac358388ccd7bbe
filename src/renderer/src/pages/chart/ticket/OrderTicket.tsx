import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { OrderDraft } from '../../../../../shared/contract/domains/orders'
import { useRiskStore } from '../../../stores/risk-store'
import { previewDraft, recheckPreview, refreshPreview, setTicketField, useTicketStore } from '../../../stores/ticket-store'
import { buildDraft, type TicketField, type TicketProblem } from '../../../trading/ticket-form'
import { AccountPicker } from './AccountPicker'
import { ConfirmOrderDialog } from './ConfirmOrderDialog'
import { OrderFields } from './OrderFields'
import { PreviewPanel } from './PreviewPanel'
import { SubmitResult } from './SubmitResult'
import { currentReferencePrice, useTicketContext } from './use-ticket-context'
import './ticket.css'

/** The book moves under a resting draft: its verdict is asked again this often. */
const REFRESH_MS = 5000

/**
 * The manual order ticket. Every change rebuilds the draft; a complete draft
 * is previewed by the kernel's risk engine (debounced), and Send goes through
 * the app's confirmation before `orders.submit`.
 */
export function OrderTicket(): React.JSX.Element {
  const { t } = useTranslation()
  const form = useTicketStore((s) => s.form)
  const submitting = useTicketStore((s) => s.submitting)
  const context = useTicketContext(form.accountId)
  const { account, instrument } = context
  const [confirming, setConfirming] = useState<OrderDraft | null>(null)

  const result = useMemo(() => buildDraft(form, { account, instrument, referencePrice: currentReferencePrice() }), [form, account, instrument])
  const draft = result.ok ? result.draft : null
  useEffect(() => previewDraft(draft), [draft])
  useEffect(() => {
    const timer = setInterval(refreshPreview, REFRESH_MS)
    return () => {
      clearInterval(timer)
      previewDraft(null) // leaving the page: no answer should land on a ticket nobody sees
    }
  }, [])

  // A halt, a pause or its lifting changes what risk would say about the same draft.
  const statuses = useRiskStore((s) => s.statuses)
  useEffect(() => recheckPreview(), [statuses])

  const problems = result.ok ? [] : result.problems
  const problemFor = (field: TicketField): string | null => visibleProblem(t, problems, field)
  const missing = problems.filter((p) => p.key.endsWith('Required') || p.key === 'noAccount' || p.key === 'noMarket').map((p) => problemText(t, p))
  const sizeLabel = instrument?.type === 'spot' ? instrument.base : t('ticket.contracts')

  return (
    <section className="panel ticket" data-testid="order-ticket" aria-label={t('ticket.title')}>
      <header className="panel-header">
        <h2 className="panel-title">{t('ticket.title')}</h2>
        <span className="panel-aside mono" data-testid="ticket-symbol">
          {instrument?.symbol ?? '—'}
        </span>
      </header>
      <div className="ticket-body">
        <AccountPicker context={context} value={form.accountId} onChange={(id) => setTicketField('accountId', id)} />
        <OrderFields form={form} instrument={instrument} problemFor={problemFor} sizeUnit={sizeLabel} />
        <PreviewPanel />
        <SubmitResult />
        <button
          type="button"
          className={`btn tk-submit tk-submit-${form.side}`}
          disabled={!draft || submitting}
          title={missing.length > 0 ? missing.join(' · ') : undefined}
          onClick={() => draft && setConfirming(draft)}
          data-testid="ticket-submit"
        >
          {submitting
            ? t('ticket.sending')
            : t('ticket.review', { side: t(`side.${form.side}`), size: form.amount || '0', unit: sizeLabel, symbol: instrument?.symbol ?? '' })}
        </button>
      </div>
      {confirming && account && instrument && <ConfirmOrderDialog draft={confirming} account={account} instrument={instrument} onClose={() => setConfirming(null)} />}
    </section>
  )
}

function problemText(t: TFunction, problem: TicketProblem): string {
  return t(`ticket.problems.${problem.key}`, problem.values ?? {})
}

/** "Required" problems stay quiet (the disabled Send says it); a wrong value shows under its field. */
function visibleProblem(t: TFunction, problems: readonly TicketProblem[], field: TicketField): string | null {
  const problem = problems.find((p) => p.field === field && !p.key.endsWith('Required'))
  return problem ? problemText(t, problem) : null
}
