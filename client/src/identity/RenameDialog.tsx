import { useEffect, useRef } from 'react'
import { NameForm } from './NameForm'

interface RenameDialogProps {
  currentName: string
  onSubmit: (name: string) => void
  onClose: () => void
}

/** A native modal dialog: focus trapping, Escape and the backdrop come from the browser. */
export function RenameDialog({ currentName, onSubmit, onClose }: RenameDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog !== null && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="rename-title" onClose={onClose}>
      <h2 id="rename-title" className="dialog__title">
        Change your name
      </h2>
      <NameForm initialName={currentName} submitLabel="Save" onSubmit={onSubmit} onCancel={onClose} />
    </dialog>
  )
}
