import type { ContractError } from '../../../shared/contract/envelope'
import { useTranslation } from 'react-i18next'

/** Shows a contract error envelope as the kernel sent it: message first, code for support. */
export function ErrorAlert({ error, message, testId }: { error: ContractError; message: string; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <span>{message}</span>
      <span className="alert-code mono">{t('settings.errorCode', { code: error.code })}</span>
    </div>
  )
}
