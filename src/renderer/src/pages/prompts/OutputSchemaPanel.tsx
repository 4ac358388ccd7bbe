import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { RoleId } from '../../../../shared/domain/agents/roles'
import { InlineError } from '../../components/InlineError'
import { fetchOutputSchema } from '../../stores/prompts-store'

type Loaded = { role: RoleId; schema: Record<string, unknown> | null; error: ContractError | null }

/** The JSON Schema the role's answer must follow, as the kernel generates it from the role's zod schema. */
export function OutputSchemaPanel({ role }: { role: RoleId }): React.JSX.Element {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    let current = true
    void fetchOutputSchema(role).then((envelope) => {
      if (current) setLoaded({ role, schema: envelope.ok ? envelope.value : null, error: envelope.ok ? null : envelope.error })
    })
    return () => {
      current = false
    }
  }, [role])

  const mine = loaded?.role === role ? loaded : null
  return (
    <div className="output-schema" data-testid="prompt-output-schema">
      <p className="field-hint">{t('promptStudio.schema.hint')}</p>
      {!mine && <p className="muted">{t('common.loading')}</p>}
      {mine?.error && <InlineError error={mine.error} prefix={t('promptStudio.schema.failed')} />}
      {mine?.schema && <pre className="code output-schema-code">{JSON.stringify(mine.schema, null, 2)}</pre>}
    </div>
  )
}
