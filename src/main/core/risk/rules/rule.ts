import type { RiskReason } from '../../../../shared/domain/risk'
import type { Assessment } from '../assessment'

/**
 * One family of checks: appends a reason for every check that fails and
 * nothing otherwise. Rules never throw and never stop the others, so a
 * verdict lists everything wrong with an intent at once.
 */
export type Rule = (a: Assessment, out: RiskReason[]) => void
