import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { formatZodError } from './format.js'
import { roleAtLeast } from './roles.js'

describe('formatZodError', () => {
  it('names nested fields and reads zod’s default "missing" wording as "is required"', () => {
    const schema = z.object({ a: z.object({ b: z.array(z.string()) }), c: z.string() })
    const result = schema.safeParse({ a: { b: ['ok', 3] } })
    expect(result.success).toBe(false)
    expect(formatZodError(result.error!)).toBe(
      'a.b[1]: Invalid input: expected string, received number; c: is required',
    )
  })
})

describe('roles', () => {
  it('orders owner > editor > checker > viewer', () => {
    expect(roleAtLeast('owner', 'editor')).toBe(true)
    expect(roleAtLeast('editor', 'editor')).toBe(true)
    expect(roleAtLeast('checker', 'editor')).toBe(false)
    expect(roleAtLeast('viewer', 'checker')).toBe(false)
  })
})
