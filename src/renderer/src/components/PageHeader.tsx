import type { ReactNode } from 'react'

interface PageHeaderProps {
  title: ReactNode
  subtitle?: ReactNode
  /** Right-aligned, e.g. a save state. */
  aside?: ReactNode
}

export function PageHeader({ title, subtitle, aside }: PageHeaderProps): React.JSX.Element {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle !== undefined && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {aside !== undefined && <div className="page-header-aside">{aside}</div>}
    </div>
  )
}
