import { useTranslation } from 'react-i18next'
import type { PromptIssue } from '../../../../shared/domain/agents/prompt'

/** The kernel's validation issues about one place of the prompt, each with its kind. */
export function IssueList({ issues, testId }: { issues: readonly PromptIssue[]; testId?: string }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (issues.length === 0) return null
  return (
    <ul className="prompt-issues" data-testid={testId} role="alert">
      {issues.map((issue, i) => (
        <li key={i} className="prompt-issue" data-code={issue.code}>
          <span className="mini-badge badge-danger">{t(`promptStudio.issueCodes.${issue.code}`)}</span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  )
}
