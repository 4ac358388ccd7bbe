import { useTranslation } from 'react-i18next'
import type { DiffRow, PromptDiff } from './prompt-diff'

/** A prompt diff section by section: removed lines red, added green, changed words stronger, parameters and tags below. */
export function DiffView({ diff, testId }: { diff: PromptDiff; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  if (!diff.changed) {
    return (
      <p className="muted" data-testid={testId} data-changed="false">
        {t('promptStudio.diff.none')}
      </p>
    )
  }
  return (
    <div className="prompt-diff" data-testid={testId} data-changed="true">
      {diff.sections
        .filter((s) => s.changed)
        .map((s) => (
          <section key={s.section} className="diff-section" data-section={s.section}>
            <header className="diff-section-head">
              <span className="strong">{t(`promptStudio.sections.${s.section}`)}</span>
              <span className="diff-count tone-up">+{s.added}</span>
              <span className="diff-count tone-down">−{s.removed}</span>
            </header>
            <div className="diff-lines">
              {s.rows.map((row, i) => (
                <DiffLine key={i} row={row} />
              ))}
            </div>
          </section>
        ))}
      {diff.params.length > 0 && (
        <section className="diff-section" data-section="params">
          <header className="diff-section-head">
            <span className="strong">{t('promptStudio.params.title')}</span>
          </header>
          <ul className="diff-facts">
            {diff.params.map((p) => (
              <li key={p.param}>
                {t(`promptStudio.params.${p.param}`)}: <span className="diff-old mono">{p.from}</span> → <span className="diff-new mono">{p.to}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(diff.tagsAdded.length > 0 || diff.tagsRemoved.length > 0) && (
        <section className="diff-section" data-section="tags">
          <header className="diff-section-head">
            <span className="strong">{t('promptStudio.tags.title')}</span>
          </header>
          <div className="chips">
            {diff.tagsAdded.map((tag) => (
              <span key={`+${tag}`} className="chip chip-added">
                + {tag}
              </span>
            ))}
            {diff.tagsRemoved.map((tag) => (
              <span key={`-${tag}`} className="chip chip-removed">
                − {tag}
              </span>
            ))}
          </div>
        </section>
      )}
    </div>
  )
}

const MARK = { same: ' ', added: '+', removed: '−' } as const

function DiffLine({ row }: { row: DiffRow }): React.JSX.Element {
  const { t } = useTranslation()
  if (row.kind === 'skipped') return <div className="diff-line diff-skipped">{t('promptStudio.diff.skipped', { count: row.lines })}</div>
  return (
    <div className={`diff-line diff-${row.kind}`} data-kind={row.kind}>
      <span className="diff-mark" aria-hidden="true">
        {MARK[row.kind]}
      </span>
      <span className="diff-text">
        {row.tokens.length === 0 ? ' ' : row.tokens.map((token, i) => (token.changed && row.kind !== 'same' ? <mark key={i}>{token.text}</mark> : <span key={i}>{token.text}</span>))}
      </span>
    </div>
  )
}
