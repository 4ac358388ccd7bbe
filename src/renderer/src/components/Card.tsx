import type { ReactNode } from 'react'

interface CardProps {
  title: ReactNode
  /** Right side of the card header: a badge, a save state. */
  aside?: ReactNode
  children: ReactNode
  className?: string
  testId?: string
}

export function Card({ title, aside, children, className, testId }: CardProps): React.JSX.Element {
  return (
    <section className={className ? `card ${className}` : 'card'} data-testid={testId}>
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
        {aside !== undefined && <div className="card-aside">{aside}</div>}
      </header>
      <div className="card-body">{children}</div>
    </section>
  )
}
