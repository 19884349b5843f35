import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt (memory-hard, never a fast hash). Parameters are stored with each hash,
 * so raising the cost later only affects new hashes. N = 2^15, r = 8 needs
 * 32 MiB per hash; node runs it on the libuv pool, off the event loop.
 * (Password length limits are validated at the edge: LIMITS in @fc/shared.)
 */
const LOG_N = 15
const R = 8
const P = 1
const KEY_LENGTH = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, n: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

/** `scrypt$<logN>$<r>$<p>$<salt b64>$<key b64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, 2 ** LOG_N, R, P, KEY_LENGTH)
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, logN, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(keyB64, 'base64')
  const key = await derive(
    password,
    Buffer.from(saltB64, 'base64'),
    2 ** Number(logN),
    Number(r),
    Number(p),
    expected.length,
  )
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined

/**
 * Spends the same work as a real check when the account does not exist, so an
 * unknown email and a wrong password take about as long (no account enumeration by timing).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('dummy-password-for-timing')
  await verifyPassword(await dummy, password)
  return false
}
