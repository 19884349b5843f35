/**
 * The one set of rules every environment variable is read by (config/index.ts).
 * An unset or empty variable takes its default. A value that breaks its rule is not thrown
 * at once: the reader collects every problem, and loadConfig reports them all together.
 */
export type Env = Readonly<Record<string, string | undefined>>

/** Every problem found in the environment, one line each; main.ts prints the message and exits. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

/** The exit code of a server that did not start for its configuration (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78

const TRUE = new Set(['1', 'true', 'yes'])
const FALSE = new Set(['0', 'false', 'no'])

export class EnvReader {
  readonly problems: string[] = []

  constructor(private readonly env: Env) {}

  /** The raw value, undefined when unset or empty. */
  string(name: string): string | undefined {
    const raw = this.env[name]
    return raw === undefined || raw === '' ? undefined : raw
  }

  /** An integer within [min, max]; the fallback when unset or empty. */
  int(
    name: string,
    fallback: number,
    { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
  ): number {
    const raw = this.string(name)
    if (raw === undefined) return fallback
    const value = Number(raw.trim())
    if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`
      this.problems.push(`${name} must be ${range}, got "${raw}"`)
      return fallback
    }
    return value
  }

  /** `1` or `0` (`true`/`yes`, `false`/`no` are read too); off when unset or empty. */
  flag(name: string): boolean {
    const raw = this.string(name)
    if (raw === undefined) return false
    const value = raw.trim().toLowerCase()
    if (TRUE.has(value)) return true
    if (FALSE.has(value)) return false
    this.problems.push(`${name} must be 1 or 0, got "${raw}"`)
    return false
  }

  /** One of a few words (compared without case); the fallback when unset or empty. */
  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.string(name)
    if (raw === undefined) return fallback
    const hit = choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase())
    if (hit === undefined) {
      this.problems.push(`${name} must be one of ${choices.join(', ')}, got "${raw}"`)
      return fallback
    }
    return hit
  }

  /**
   * An absolute URL with one of the given schemes (e.g. `['postgres:', 'postgresql:']`), as written
   * (trimmed): checked, not normalized. Undefined when unset or empty.
   */
  url(name: string, protocols: readonly string[]): string | undefined {
    const raw = this.string(name)?.trim()
    if (!raw) return undefined
    return this.parseUrl(name, raw, protocols) ? raw : undefined
  }

  /** A comma-separated list of URLs with the given schemes; empty entries are skipped. */
  urls(name: string, protocols: readonly string[]): URL[] {
    const raw = this.string(name) ?? ''
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((s) => this.parseUrl(name, s, protocols) ?? [])
  }

  private parseUrl(name: string, raw: string, protocols: readonly string[]): URL | undefined {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      this.problems.push(`${name} must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')}), got "${raw}"`)
      return undefined
    }
    if (!protocols.includes(url.protocol)) {
      this.problems.push(`${name} must be a ${protocols.map((p) => `${p}//…`).join(' or ')} URL, got "${raw}"`)
      return undefined
    }
    return url
  }
}

/** Schemes of the addresses browsers reach us at. */
export const WEB_PROTOCOLS = ['http:', 'https:'] as const
