import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptVersion } from '../../../../shared/domain/agents/prompt'
import { Modal } from '../../components/Modal'
import { DiffView } from './DiffView'
import { diffPrompts } from './prompt-diff'

/** Two saved versions side by side as a diff, the older one as the base whichever was ticked first. */
export function CompareDialog({ a, b, onClose }: { a: PromptVersion; b: PromptVersion; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const [older, newer] = a.version < b.version ? [a, b] : [b, a]
  const diff = useMemo(() => diffPrompts(older, newer), [older, newer])
  return (
    <Modal
      title={t('promptStudio.compare.title', { a: older.version, b: newer.version })}
      wide
      onClose={onClose}
      testId="prompt-compare-dialog"
      footer={
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      }
    >
      <p className="field-hint">{t('promptStudio.compare.intro', { a: older.version, b: newer.version })}</p>
      <DiffView diff={diff} testId="prompt-compare-diff" />
    </Modal>
  )
}
