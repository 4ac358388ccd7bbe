import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionRecord } from '../../../../shared/domain/agents/decision'
import type { AccountView } from '../../../../shared/domain/agents/snapshot'
import { formatMoney, formatQuantity, formatSignedMoney, toneOf } from '../../format/numbers'
import { loadDecisionRecord, useFeedDetailStore } from '../../stores/feed-detail-store'
import { prettyJson, prettyRawOutput } from './format-decision'
import { LoadError } from './LoadError'
import { ReplayPanel } from './ReplayPanel'
import { SnapshotView } from './SnapshotView'

/** Everything needed to audit one run, loaded when its card opens: messages, snapshot, raw and parsed output, errors, replays. */
export function DecisionDetail({ decisionId }: { decisionId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const entry = useFeedDetailStore((s) => s.records[decisionId])
  useEffect(() => {
    void loadDecisionRecord(decisionId)
  }, [decisionId])

  const record = entry?.value ?? null
  if (!record) {
    return (
      <div className="decision-detail" data-testid="feed-detail" data-state={entry?.error ? 'failed' : 'loading'}>
        {entry?.error ? (
          <>
            <LoadError error={entry.error} text={t('feed.detail.failed', { message: entry.error.message })} testId="feed-detail-error" />
            <button type="button" className="btn btn-small" onClick={() => void loadDecisionRecord(decisionId)}>
              {t('feed.detail.retry')}
            </button>
          </>
        ) : (
          <p className="muted">{t('feed.detail.loading')}</p>
        )}
      </div>
    )
  }
  return <RecordView record={record} />
}

function Section({ title, children, testId, wide }: { title: ReactNode; children: ReactNode; testId?: string; wide?: boolean }): React.JSX.Element {
  return (
    <section className={wide ? 'detail-section wide' : 'detail-section'} data-testid={testId}>
      <h3 className="detail-title">{title}</h3>
      {children}
    </section>
  )
}

function RecordView({ record }: { record: DecisionRecord }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="decision-detail" data-testid="feed-detail" data-state="loaded">
      <Section title={t('feed.detail.run')} testId="feed-detail-run">
        <dl className="facts detail-facts">
          <dt>{t('feed.detail.responseMode')}</dt>
          <dd className="mono">{record.responseMode}</dd>
          <dt>{t('feed.detail.params')}</dt>
          <dd className="mono">{t('feed.detail.paramsValue', { temperature: record.params.temperature, topP: record.params.topP, maxTokens: record.params.maxTokens })}</dd>
          <dt>{t('feed.detail.snapshotHash')}</dt>
          <dd className="mono hash" title={record.snapshotHash}>
            {record.snapshotHash || '—'}
          </dd>
          <dt>{t('feed.detail.inputHash')}</dt>
          <dd className="mono hash" title={record.inputHash}>
            {record.inputHash || '—'}
          </dd>
        </dl>
      </Section>

      {record.account && <AccountSeen account={record.account} />}

      <Section title={t('feed.detail.messages')} testId="feed-detail-messages" wide>
        {record.messages.map((message, i) => (
          <details key={i} className="detail message" data-role={message.role}>
            <summary>
              {t(`feed.detail.messageRole.${message.role}`)} <span className="dim">· {t('feed.detail.chars', { count: message.content.length, formatted: formatQuantity(message.content.length, 0) })}</span>
            </summary>
            <pre className="code-block">{message.content || t('feed.detail.empty')}</pre>
          </details>
        ))}
      </Section>

      <Section title={t('feed.detail.snapshot')} wide>
        <SnapshotView hash={record.snapshotHash} />
      </Section>

      {record.reasoning && (
        <Section title={t('feed.detail.reasoning')} testId="feed-detail-reasoning" wide>
          <pre className="code-block prose">{record.reasoning}</pre>
        </Section>
      )}

      <Section title={t('feed.detail.rawOutput')} testId="feed-detail-raw">
        <pre className="code-block">{record.rawOutput ? prettyRawOutput(record.rawOutput) : t('feed.detail.empty')}</pre>
        {record.repairRawOutput !== null && (
          <>
            <h4 className="detail-subtitle">{t('feed.detail.repairOutput')}</h4>
            <pre className="code-block">{prettyRawOutput(record.repairRawOutput) || t('feed.detail.empty')}</pre>
          </>
        )}
      </Section>

      <Section title={t('feed.detail.parsedOutput')} testId="feed-detail-parsed">
        <pre className="code-block">{prettyJson(record.parsedOutput)}</pre>
      </Section>

      {(record.validationErrors.length > 0 || record.error) && (
        <Section title={t('feed.detail.validationErrors')} testId="feed-detail-errors" wide>
          {record.validationErrors.length > 0 && (
            <ul className="validation-errors">
              {record.validationErrors.map((error, i) => (
                <li key={i} className="mono">
                  {error}
                </li>
              ))}
            </ul>
          )}
          {record.error && (
            <p className="inline-error">
              {t('feed.detail.error')}: {record.error}
            </p>
          )}
        </Section>
      )}

      <Section title={t('feed.detail.replay')} testId="feed-detail-replay" wide>
        <ReplayPanel decisionId={record.id} />
      </Section>
    </div>
  )
}

/** The pilot's account as the run saw it: what the model was told it could spend and what it already held. */
function AccountSeen({ account }: { account: AccountView }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Section title={t('feed.detail.account')} testId="feed-detail-account">
      <dl className="facts detail-facts">
        <dt>{t('feed.detail.accountEquity')}</dt>
        <dd className="mono">
          {formatMoney(account.equity)} {account.currency}
        </dd>
        <dt>{t('feed.detail.accountAvailable')}</dt>
        <dd className="mono">
          {formatMoney(account.available)} {account.currency}
        </dd>
        <dt>{t('feed.detail.accountPositions')}</dt>
        <dd>
          {account.positions.length === 0 ? (
            <span className="muted">{t('feed.detail.noPositions')}</span>
          ) : (
            <ul className="seen-positions">
              {account.positions.map((p) => (
                <li key={`${p.symbol}:${p.side}`} className="mono">
                  <span className={p.side === 'long' ? 'side-buy' : 'side-sell'}>{t(`side.${p.side}`)}</span> {formatQuantity(p.contracts)} {p.symbol} @ {formatQuantity(p.entryPrice)}{' '}
                  <span className={`tone-${toneOf(p.unrealizedPnl)}`}>{formatSignedMoney(p.unrealizedPnl)}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </Section>
  )
}
