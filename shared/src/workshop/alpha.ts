/** A coder's value for a unit; null or undefined when that coder gave none. */
export type Rating = string | number | null | undefined

/**
 * Krippendorff's alpha for nominal data, from the coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"). `units[u]` lists the values the coders gave
 * unit u, missing values included as null; units with fewer than two values are not
 * pairable and drop out, which is how missing data is handled.
 *
 *   alpha = 1 - (n - 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
 *
 * Returns null when alpha is undefined: fewer than two pairable values, or every value the
 * same (no variation, so agreement cannot be told from chance).
 */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<Rating>>): number | null {
  const diagonal = new Map<string, number>() // o_cc
  const marginals = new Map<string, number>() // n_c
  let n = 0
  for (const unit of units) {
    const values = unit
      .filter((v): v is string | number => v !== null && v !== undefined)
      .map((v) => `${typeof v}:${v}`)
    const m = values.length
    if (m < 2) continue
    const counts = new Map<string, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    for (const [value, count] of counts) {
      // Each of the m values pairs with the m - 1 others, each pair weighted 1/(m - 1).
      diagonal.set(value, (diagonal.get(value) ?? 0) + (count * (count - 1)) / (m - 1))
      marginals.set(value, (marginals.get(value) ?? 0) + count)
    }
    n += m
  }
  if (n < 2) return null
  const agreeing = [...diagonal.values()].reduce((sum, o) => sum + o, 0)
  const observedDisagreement = n - agreeing // Σ_{c≠k} o_ck
  const expectedPairs = n * n - [...marginals.values()].reduce((sum, nc) => sum + nc * nc, 0) // Σ_{c≠k} n_c n_k
  if (expectedPairs === 0) return null
  return 1 - ((n - 1) * observedDisagreement) / expectedPairs
}
