import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { PromptIssue, PromptVersion } from '../../../../shared/domain/agents/prompt'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { importPrompts } from '../../stores/prompts-store'
import { MAX_NOTE } from './SaveDialog'

/** What the import's YAML may weigh: the contract's limit, checked before the file is sent. */
export const MAX_IMPORT_CHARS = 1_000_000

type Report = { saved: PromptVersion[]; refused: { index: number; role: string | null; issues: PromptIssue[] }[] }

/** YAML from a file or pasted; each valid prompt in it becomes a new version, the others are listed with their issues. */
export function ImportDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const ids = { file: useId(), text: useId(), note: useId() }
  const [yaml, setYaml] = useState('')
  const [note, setNote] = useState(() => t('promptStudio.import.defaultNote'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [report, setReport] = useState<Report | null>(null)

  const readFile = async (file: File | undefined): Promise<void> => {
    setFileProblem(null)
    if (!file) return
    if (file.size > MAX_IMPORT_CHARS * 4) return setFileProblem(t('promptStudio.import.tooLarge'))
    const text = await file.text()
    if (text.length > MAX_IMPORT_CHARS) return setFileProblem(t('promptStudio.import.tooLarge'))
    setYaml(text)
  }

  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setReport(null)
    const envelope = await importPrompts(yaml, note.trim())
    setBusy(false)
    if (envelope.ok) setReport(envelope.value)
    else setError(envelope.error)
  }

  return (
    <Modal
      title={t('promptStudio.import.title')}
      wide
      onClose={busy ? undefined : onClose}
      testId="prompt-import-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy || yaml.trim() === '' || yaml.length > MAX_IMPORT_CHARS} data-testid="prompt-import-run">
            {busy ? t('promptStudio.import.working') : t('promptStudio.import.run')}
          </button>
        </>
      }
    >
      <p className="field-hint">{t('promptStudio.import.intro')}</p>
      <div className="prompt-field">
        <label htmlFor={ids.file}>{t('promptStudio.import.file')}</label>
        <input id={ids.file} type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="prompt-import-file" />
        {fileProblem && <span className="risk-issue">{fileProblem}</span>}
      </div>
      <div className="prompt-field">
        <label htmlFor={ids.text}>{t('promptStudio.import.paste')}</label>
        <textarea id={ids.text} className="input export-yaml" rows={10} value={yaml} spellCheck={false} onChange={(e) => setYaml(e.target.value)} data-testid="prompt-import-text" />
      </div>
      <div className="prompt-field">
        <label htmlFor={ids.note}>{t('promptStudio.import.note')}</label>
        <input id={ids.note} className="input" maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} data-testid="prompt-import-note" />
      </div>
      {error && <InlineError error={error} prefix={t('promptStudio.import.failed')} testId="prompt-import-error" />}
      {report && <ImportReport report={report} />}
    </Modal>
  )
}

function ImportReport({ report }: { report: Report }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="import-report" data-testid="prompt-import-report" data-saved={report.saved.length} data-refused={report.refused.length}>
      <p className={report.saved.length > 0 ? 'tone-up strong' : 'dim'}>{t('promptStudio.import.saved', { count: report.saved.length })}</p>
      <ul>
        {report.saved.map((v) => (
          <li key={`${v.role}-${v.version}`}>
            {t(`agentRoles.${v.role}`)} <span className="mono">v{v.version}</span>
          </li>
        ))}
      </ul>
      {report.refused.length > 0 && (
        <>
          <p className="tone-down strong">{t('promptStudio.import.refused', { count: report.refused.length })}</p>
          <ul data-testid="prompt-import-refused">
            {report.refused.map((r) => (
              <li key={r.index}>
                <span className="mono">#{r.index + 1}</span> {r.role ?? t('promptStudio.import.noRole')}
                <ul>
                  {r.issues.map((issue, i) => (
                    <li key={i} className="risk-issue">
                      <span className="mono">{issue.field}</span>: {issue.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
