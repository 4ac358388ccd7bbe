import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'

interface ModalProps {
  title: ReactNode
  /** Escape and the close button call it; leave it out while an action is in flight so nothing half-closes. */
  onClose?: () => void
  children: ReactNode
  footer?: ReactNode
  tone?: 'default' | 'danger' | 'warn'
  testId?: string
  /** alertdialog for confirmations of risky actions: screen readers announce them at once. */
  role?: 'dialog' | 'alertdialog'
  wide?: boolean
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/** Open dialogs, newest last: only the one on top answers the keyboard. */
const open: symbol[] = []

function keepFocusInside(box: HTMLElement, event: KeyboardEvent): void {
  const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)]
  if (items.length === 0) return
  const first = items[0]!
  const last = items.at(-1)!
  const inside = box.contains(document.activeElement)
  if (!inside || (event.shiftKey && document.activeElement === first)) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}

/**
 * The app's one modal: a portal over the whole window, focus kept inside
 * while open and given back on close. An element marked data-autofocus gets
 * the first focus, so a risky confirmation can start on Cancel.
 */
export function Modal({ title, onClose, children, footer, tone = 'default', testId, role = 'dialog', wide = false }: ModalProps): React.JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  const boxRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const box = boxRef.current!
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? box).focus()
    const token = Symbol('modal')
    open.push(token)

    // On the document, not the dialog: a button that turns disabled while busy drops focus to <body>,
    // and Escape and Tab must still reach the dialog on top.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (open.at(-1) !== token) return
      if (event.key === 'Escape' && closeRef.current) {
        event.preventDefault()
        closeRef.current()
        return
      }
      if (event.key === 'Tab') keepFocusInside(box, event)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      open.splice(open.indexOf(token), 1)
      previous?.focus?.()
    }
  }, [])

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={boxRef}
        className={`modal modal-${tone}${wide ? ' modal-wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="modal-header">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {onClose && (
            <button type="button" className="modal-close" onClick={onClose} aria-label={t('common.close')} title={t('common.closeHint')} data-testid={testId ? `${testId}-close` : undefined}>
              ×
            </button>
          )}
        </header>
        <div className="modal-body">{children}</div>
        {footer !== undefined && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  )
}
