import type { ReactNode } from 'react'

interface SettingRowProps {
  id: string
  label: ReactNode
  hint?: ReactNode
  children: ReactNode
}

/** Label on the left, control on the right, hint below the control: a dense form that scans down one column. */
export function SettingRow({ id, label, hint, children }: SettingRowProps): React.JSX.Element {
  return (
    <div className="setting-row">
      <label className="setting-label" htmlFor={id}>
        {label}
      </label>
      <div className="setting-control">
        {children}
        {hint !== undefined && <p className="setting-hint" id={`${id}-hint`}>{hint}</p>}
      </div>
    </div>
  )
}
