import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCountdown } from '../../format/numbers'

const TICK_MS = 250

/**
 * Time left until `expiresAt` (kernel epoch ms), on its own timer so only
 * this element re-renders. Turns urgent in the last ten seconds.
 */
export function Countdown({ expiresAt }: { expiresAt: number }): React.JSX.Element {
  const { t } = useTranslation()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS)
    return () => window.clearInterval(timer)
  }, [])
  const remaining = expiresAt - now
  const level = remaining <= 0 ? 'over' : remaining <= 10_000 ? 'urgent' : 'normal'
  return (
    <span className={`countdown countdown-${level}`} role="timer" data-testid="approval-countdown" data-level={level}>
      {remaining <= 0 ? t('approval.expired') : t('approval.expiresIn', { time: formatCountdown(remaining) })}
    </span>
  )
}
