import { useTranslation } from 'react-i18next'
import { formatMoney, formatPct, formatShare } from '../../../format/numbers'
import { useMarketFeedStore } from '../../../stores/market-feed-store'
import { useTicketStore } from '../../../stores/ticket-store'
import { decimalsOf, formatCompact, formatFixed } from '../format-market'
import { RiskReasons } from './RiskReasons'

/**
 * The kernel's pre-trade verdict of the current draft: accept or reject with
 * every reason, the execution estimate, and whether a second approval will be
 * needed. A verdict for an older draft stays visible, dimmed, until the new
 * one arrives, so the panel does not flicker while typing.
 */
export function PreviewPanel(): React.JSX.Element {
  const { t } = useTranslation()
  const preview = useTicketStore((s) => s.preview)
  const instrument = useMarketFeedStore((s) => s.instrument)
  const priceDecimals = decimalsOf(instrument?.tickSize ?? 0.01)
  const stale = preview.key !== preview.answeredKey || preview.phase === 'waiting' || preview.phase === 'loading'
  const verdict = preview.result
  const quote = instrument?.quote ?? ''

  let status: React.JSX.Element
  if (preview.key === null) status = <span className="verdict verdict-idle">{t('ticket.preview.idle')}</span>
  else if (preview.error && preview.answeredKey === preview.key) status = <span className="verdict verdict-unavailable">{t('ticket.preview.unavailable')}</span>
  else if (!verdict) status = <span className="verdict verdict-idle">{t('ticket.preview.checking')}</span>
  else status = <span className={`verdict verdict-${verdict.decision}`}>{t(`ticket.preview.${verdict.decision}`)}</span>

  return (
    <section className={stale && preview.key !== null ? 'tk-preview is-stale' : 'tk-preview'} data-testid="ticket-preview" data-phase={preview.phase} data-decision={verdict?.decision ?? ''} aria-live="polite">
      <header className="tk-preview-head">
        <span className="tk-preview-title">{t('ticket.preview.title')}</span>
        {status}
        {verdict?.needsApproval && preview.key !== null && (
          <span className="mini-badge badge-warn" title={t('ticket.preview.approvalHint')} data-testid="ticket-needs-approval">
            {t('ticket.preview.twoApprovals')}
          </span>
        )}
      </header>
      {preview.key !== null && preview.error && (
        <p className="tk-problem" role="alert" title={preview.error.code} data-testid="ticket-preview-error" data-code={preview.error.code}>
          {preview.error.message}
        </p>
      )}
      {preview.key !== null && verdict && (
        <>
          <dl className="tk-estimate">
            <dt>{t('ticket.preview.notional')}</dt>
            <dd data-testid="estimate-notional" title={`${formatMoney(verdict.estimate.notional)} ${quote}`}>
              {Math.abs(verdict.estimate.notional) >= 1e6 ? formatCompact(verdict.estimate.notional) : formatMoney(verdict.estimate.notional)}
            </dd>
            <dt>{t('ticket.preview.reference')}</dt>
            <dd>{formatFixed(verdict.estimate.referencePrice, priceDecimals)}</dd>
            <dt>{t('ticket.preview.average')}</dt>
            <dd>{formatFixed(verdict.estimate.averagePrice, priceDecimals)}</dd>
            <dt>{t('ticket.preview.slippage')}</dt>
            <dd>{formatPct(verdict.estimate.slippagePct, 3)}</dd>
            <dt>{t('ticket.preview.fill')}</dt>
            <dd>{formatShare(verdict.estimate.fillProbability)}</dd>
            <dt>{t('ticket.preview.rules')}</dt>
            <dd className="dim">v{verdict.configVersion}</dd>
          </dl>
          <RiskReasons reasons={verdict.reasons} />
        </>
      )}
    </section>
  )
}
