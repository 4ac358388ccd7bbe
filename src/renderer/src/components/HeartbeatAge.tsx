import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnectionStore } from '../stores/connection-store'
import { formatAgeSeconds, heartbeatLevel, type HeartbeatLevel } from '../stores/connection-status'

const TICK_MS = 100

interface View {
  age: string | null
  level: HeartbeatLevel
}

function currentView(): View {
  const beat = useConnectionStore.getState().heartbeat
  if (!beat) return { age: null, level: 'fresh' }
  const ageMs = performance.now() - beat.receivedAt
  return { age: formatAgeSeconds(ageMs), level: heartbeatLevel(ageMs) }
}

/**
 * Reads the store on its own timer instead of subscribing: the age changes
 * with time, not with state. Only this small element re-renders, and only
 * when the shown text or colour actually changes.
 */
export function HeartbeatAge(): React.JSX.Element {
  const { t } = useTranslation()
  const [view, setView] = useState<View>(currentView)
  useEffect(() => {
    const timer = window.setInterval(() => {
      const next = currentView()
      setView((prev) => (prev.age === next.age && prev.level === next.level ? prev : next))
    }, TICK_MS)
    return () => window.clearInterval(timer)
  }, [])
  return (
    <span className={`status-item heartbeat hb-${view.level}`} data-testid="heartbeat-age" data-level={view.level} title={t('status.heartbeatHint')}>
      {view.age === null ? t('status.heartbeatWaiting') : t('status.heartbeatAge', { age: view.age })}
    </span>
  )
}
