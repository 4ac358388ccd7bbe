import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { KillSwitchDialog } from './KillSwitchDialog'

/** Always in the header, on every page: the one control a trader must find without looking. */
export function KillSwitchButton(): React.JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="kill-switch" onClick={() => setOpen(true)} title={t('killSwitch.buttonHint')} data-testid="kill-switch">
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <rect x="1" y="1" width="10" height="10" rx="2" fill="currentColor" />
        </svg>
        {t('killSwitch.button')}
      </button>
      {open && <KillSwitchDialog onClose={() => setOpen(false)} />}
    </>
  )
}
