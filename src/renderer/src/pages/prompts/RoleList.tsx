import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptRoleSummary } from '../../../../shared/contract/domains/prompts'
import type { RoleId } from '../../../../shared/domain/agents/roles'
import { formatDateTime } from '../../format/date-time'
import { filterRoles } from './role-filter'

interface RoleListProps {
  summaries: readonly PromptRoleSummary[]
  selected: RoleId | null
  /** The open role has unsaved edits: its row says so. */
  dirty: boolean
  onOpen(role: RoleId): void
}

/** Every role with its tags, current version and who saved it when; the search matches names (in either language), ids and tags. */
export function RoleList({ summaries, selected, dirty, onOpen }: RoleListProps): React.JSX.Element {
  const { t } = useTranslation()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const shown = filterRoles(summaries, query, (role) => t(`agentRoles.${role}`))
  return (
    <nav className="role-list" aria-label={t('promptStudio.roleList')} data-testid="prompt-role-list">
      <label htmlFor={searchId} className="prompt-sr-only">
        {t('promptStudio.search')}
      </label>
      <input id={searchId} className="input role-search" type="search" value={query} placeholder={t('promptStudio.search')} onChange={(e) => setQuery(e.target.value)} data-testid="prompt-role-search" />
      <ul>
        {shown.map((s) => (
          <li key={s.role}>
            <button type="button" className="role-item" aria-current={s.role === selected ? 'true' : undefined} onClick={() => onOpen(s.role)} data-testid={`prompt-role-${s.role}`} data-version={s.version}>
              <span className="role-item-head">
                <span className="role-name">{t(`agentRoles.${s.role}`)}</span>
                {s.role === selected && dirty && (
                  <span className="role-dirty" title={t('promptStudio.editor.unsaved')}>
                    ●
                  </span>
                )}
                <span className="role-version mono">v{s.version}</span>
              </span>
              <span className="role-meta">
                {s.author} · <span className="mono">{formatDateTime(s.updatedAt)}</span>
              </span>
              {s.tags.length > 0 && (
                <span className="chips">
                  {s.tags.map((tag) => (
                    <span key={tag} className="chip chip-small">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted role-empty">{t('promptStudio.noMatch')}</li>}
      </ul>
    </nav>
  )
}
