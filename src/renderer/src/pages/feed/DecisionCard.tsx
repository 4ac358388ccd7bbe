import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionSummary } from '../../../../shared/domain/agents/decision'
import { formatDateTime } from '../../format/date-time'
import { toggleDecisionExpanded } from '../../stores/feed-store'
import { DecisionDetail } from './DecisionDetail'
import { formatLatency, formatModelRef, formatUsdCost, tokenFigures } from './format-decision'
import { IntentList } from './IntentList'
import { OutcomeBadge } from './OutcomeBadge'

interface DecisionCardProps {
  summary: DecisionSummary
  pilotName: string
  expanded: boolean
}

/**
 * One role run on the timeline: who decided, with which model and prompt,
 * what it concluded, what it cost, and what became of its orders. Memoised:
 * a new decision at the top re-renders only its own card.
 */
export const DecisionCard = memo(function DecisionCard({ summary, pilotName, expanded }: DecisionCardProps): React.JSX.Element {
  const { t } = useTranslation()
  const tokens = tokenFigures(summary.usage)
  const detailId = `decision-detail-${summary.id}`
  return (
    <article
      className={`card decision-card outcome-edge-${summary.outcome}${expanded ? ' expanded' : ''}`}
      data-testid="feed-card"
      data-decision-id={summary.id}
      data-pilot={summary.pilotId}
      data-role={summary.role}
      data-outcome={summary.outcome}
    >
      <header className="decision-head">
        <time className="decision-time mono" dateTime={new Date(summary.startedAt).toISOString()}>
          {formatDateTime(summary.startedAt)}
        </time>
        <span className="decision-pilot strong" title={summary.pilotId}>
          {pilotName}
        </span>
        <span className="decision-role" data-testid="feed-card-role">
          {t(`agentRoles.${summary.role}`)}
        </span>
        <OutcomeBadge outcome={summary.outcome} testId="feed-card-outcome" />
        <span className="decision-spacer" />
        <span className="decision-figures">
          <span className="mono" title={t('feed.card.tokensHint', { prompt: tokens.prompt, completion: tokens.completion })}>
            {t('feed.card.tokens', { total: tokens.total })}
          </span>
          <span className="mono" title={t('feed.card.cost')} data-testid="feed-card-cost">
            {formatUsdCost(summary.costUsd)}
          </span>
          <span className="mono" title={t('feed.card.latency')}>
            {formatLatency(summary.latencyMs)}
          </span>
        </span>
        <button
          type="button"
          className="btn btn-small decision-expand"
          aria-expanded={expanded}
          aria-controls={detailId}
          onClick={() => toggleDecisionExpanded(summary.id)}
          data-testid="feed-card-expand"
        >
          {expanded ? t('feed.card.collapse') : t('feed.card.expand')}
        </button>
      </header>
      <div className="decision-model">
        <span className="mono" data-testid="feed-card-model">
          {formatModelRef(summary.model)}
        </span>
        {summary.fallbackFrom && (
          <span className="mini-badge badge-warn" title={t('feed.card.fallbackHint')} data-testid="feed-card-fallback">
            {t('feed.card.fallbackFrom', { model: formatModelRef(summary.fallbackFrom) })}
          </span>
        )}
        <span className="mini-badge prompt-version" title={t('feed.card.promptVersionHint')} data-testid="feed-card-prompt-version">
          {t('feed.card.promptVersion', { version: summary.promptVersion })}
        </span>
        {summary.symbols.map((symbol) => (
          <span key={symbol} className="symbol-chip mono">
            {symbol}
          </span>
        ))}
      </div>
      <p className="decision-conclusion" data-testid="feed-card-conclusion">
        {summary.conclusion}
      </p>
      {summary.inputSummary && (
        <p className="decision-input">
          <span className="dim">{t('feed.card.input')}:</span> {summary.inputSummary}
        </p>
      )}
      {summary.intents.length > 0 && <IntentList intents={summary.intents} />}
      {expanded && (
        <div id={detailId}>
          <DecisionDetail decisionId={summary.id} />
        </div>
      )}
    </article>
  )
})
