import { ApiError, describeError, sentence } from './api'

export interface FormErrors {
  /** Messages keyed by the API's field names, to show beside the inputs. */
  fields: Record<string, string>
  /** Everything that is not about one field. */
  form: string | null
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null }

/**
 * The server names the field first in input errors (`password: must be at least 10
 * characters`); put those beside the field this form shows for it, the rest above the buttons.
 */
export function formErrorsFrom(error: unknown, fields: readonly string[]): FormErrors {
  if (error instanceof ApiError) {
    const field = error.field
    if (field !== null && fields.includes(field.name))
      return { fields: { [field.name]: sentence(field.message) }, form: null }
  }
  return { fields: {}, form: describeError(error) }
}
