import type { Queryable } from '../storage/db.js'
import { conflict, isUniqueViolation } from './errors.js'
import { newId } from './ids.js'

export interface PublicUser {
  id: string
  email: string
  name: string
}

export interface UserWithPassword extends PublicUser {
  passwordHash: string
}

interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function insertUser(
  q: Queryable,
  input: { email: string; name: string; passwordHash: string },
): Promise<PublicUser> {
  const user = { id: newId(), email: normalizeEmail(input.email), name: input.name }
  try {
    await q.query('INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
      user.id,
      user.email,
      user.name,
      input.passwordHash,
      Date.now(),
    ])
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('an account with this email already exists')
    throw err
  }
  return user
}

export async function emailTaken(q: Queryable, email: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 AS hit FROM users WHERE email = $1', [normalizeEmail(email)])
  return rows.length > 0
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserWithPassword | null> {
  const rows = await q.query<UserRow>('SELECT id, email, name, password_hash FROM users WHERE email = $1', [
    normalizeEmail(email),
  ])
  const row = rows[0]
  return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null
}

export async function getUser(q: Queryable, id: string): Promise<PublicUser | null> {
  const rows = await q.query<PublicUser>('SELECT id, email, name FROM users WHERE id = $1', [id])
  return rows[0] ?? null
}
