import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import { ROLE_IDS, type RoleId } from '../../../../shared/domain/agents/roles'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { exportPrompts } from '../../stores/prompts-store'
import { downloadText, exportFileName } from './download'

/** The current prompts of the ticked roles (all by default) as one YAML file, shown and downloaded. */
export function ExportDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const [roles, setRoles] = useState<RoleId[]>([...ROLE_IDS])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [yaml, setYaml] = useState<string | null>(null)

  const toggle = (role: RoleId): void => setRoles((r) => (r.includes(role) ? r.filter((x) => x !== role) : ROLE_IDS.filter((x) => x === role || r.includes(x))))

  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    // Every role ticked is sent as "all": the export then also carries roles added later.
    const envelope = await exportPrompts(roles.length === ROLE_IDS.length ? [] : roles)
    setBusy(false)
    if (!envelope.ok) return setError(envelope.error)
    setYaml(envelope.value.yaml)
    downloadText(envelope.value.yaml, exportFileName(new Date()))
  }

  return (
    <Modal
      title={t('promptStudio.export.title')}
      wide
      onClose={busy ? undefined : onClose}
      testId="prompt-export-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy || roles.length === 0} data-testid="prompt-export-run">
            {t('promptStudio.export.run', { count: roles.length })}
          </button>
        </>
      }
    >
      <div className="export-roles">
        <button type="button" className="btn btn-tiny" onClick={() => setRoles(roles.length === ROLE_IDS.length ? [] : [...ROLE_IDS])}>
          {roles.length === ROLE_IDS.length ? t('promptStudio.export.none') : t('promptStudio.export.all')}
        </button>
        {ROLE_IDS.map((role) => (
          <label key={role} className="choice">
            <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} data-testid={`export-role-${role}`} />
            <span>{t(`agentRoles.${role}`)}</span>
          </label>
        ))}
      </div>
      {error && <InlineError error={error} prefix={t('promptStudio.export.failed')} testId="prompt-export-error" />}
      {yaml !== null && (
        <>
          <p className="tone-up" role="status">
            {t('promptStudio.export.done')}
          </p>
          <textarea className="input export-yaml" readOnly rows={12} value={yaml} data-testid="prompt-export-yaml" />
        </>
      )}
    </Modal>
  )
}
