import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { api } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { CreateActions, Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { navigate, workspacePath } from '../ui/router'
import { useWorkspaces } from './workspaces'

/** Name a new workspace; you become its owner and land in its (empty) article list. */
export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const workspaces = useWorkspaces()
  const [name, setName] = useState('')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') {
      setErrors({ fields: { name: 'Give the workspace a name, e.g. your desk or project.' }, form: null })
      return
    }
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      const created = await api.createWorkspace(name.trim())
      await workspaces?.refresh()
      onClose()
      navigate(workspacePath(created.id))
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
      setPending(false)
    }
  }

  return (
    <Dialog
      title="New workspace"
      description="A workspace holds a desk's articles. Only people you invite can see it; you will be its owner."
      onClose={onClose}
      testId="new-workspace-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Name"
          error={errors.fields.name}
          hint="Up to 100 characters. You can invite people once it exists."
        >
          {(control) => (
            <input
              {...control}
              className="text-input"
              autoFocus
              maxLength={LIMITS.nameMax}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Election desk"
            />
          )}
        </Field>
        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <CreateActions label="Create workspace" pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
