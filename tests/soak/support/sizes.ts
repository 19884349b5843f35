/**
 * Sizes of the soak project's runs. The defaults are the full run (`pnpm test:soak`);
 * `pnpm test:soak:ci` sets the CI-sized ones through the same variables.
 */
function intEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  return value
}

export const sizes = {
  /** Random, truncated, bit-flipped and oversized frames the mutation fuzz sends (offenders' frames come on top). */
  fuzzFrames: intEnv('FUZZ_FRAMES', 100_000),
  /** Sockets fuzzing at once. */
  fuzzWorkers: intEnv('FUZZ_WORKERS', 12),
  /** The documented memory bound: the server's RSS must stay below it for the whole fuzz. */
  fuzzMaxRssMb: intEnv('FUZZ_MAX_RSS_MB', 512),
  soakClients: intEnv('SOAK_CLIENTS', 50),
  soakDocs: intEnv('SOAK_DOCS', 5),
  soakSeconds: intEnv('SOAK_SECONDS', 120),
  /** The stores the soak runs on, comma-separated: `sqlite` (embedded), `postgres`. */
  soakStores: (process.env.SOAK_STORES || 'sqlite,postgres').split(',').map((s) => s.trim()),
} as const
