import { useTranslation } from 'react-i18next'
import type { RiskScope } from '../../../../shared/contract/domains/risk'
import { useAccountsStore } from '../../stores/accounts-store'

/** "the whole desk", "account Main (main)", "pilot p1": how confirmations name what they act on. */
export function useScopeLabel(scope: RiskScope): string {
  const { t } = useTranslation()
  const name = useAccountsStore((s) => (scope.kind === 'account' ? s.accounts?.find((a) => a.id === scope.accountId)?.name : undefined))
  if (scope.kind === 'desk') return t('scope.desk')
  if (scope.kind === 'pilot') return t('scope.pilot', { id: scope.pilotId })
  return name ? t('scope.accountNamed', { name, id: scope.accountId }) : t('scope.account', { id: scope.accountId })
}
