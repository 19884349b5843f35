import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  title: string
  /** Called when the person dismisses it: Escape, or a Cancel button that calls it. */
  onClose: () => void
  children: ReactNode
  /** One line under the title saying what the dialog is for. */
  description?: ReactNode
  size?: 'small' | 'medium' | 'large' | 'full'
  testId?: string
}

/**
 * A native modal dialog: focus moves in and is trapped, Escape closes it and the page
 * behind is inert, all from the browser. Mount it to open it, unmount it to close it.
 */
export function Dialog({ title, onClose, children, description, size = 'medium', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    // Removing an open dialog from the page also ends its modal state: no close() needed on unmount.
    if (dialog !== null && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React decide by unmounting, so state and the DOM never disagree.
        event.preventDefault()
        onClose()
      }}
      // Browsers may refuse to cancel a repeated Escape and close the dialog anyway: follow them.
      onClose={onClose}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {description !== undefined && (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  )
}
