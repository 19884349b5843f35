import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_SOCKET_LIMITS, loadConfig } from './index.js'

const REPO = path.resolve(new URL('../../../', import.meta.url).pathname)

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  it('takes every default from an empty environment', () => {
    const c = loadConfig({})
    expect(c.server).toEqual({
      port: 8787,
      host: '0.0.0.0',
      publicUrl: undefined,
      clientDist: path.join(REPO, 'client/dist'),
      logLevel: 'info',
    })
    expect(c.storage).toEqual({
      dataDir: path.join(REPO, 'data'),
      databaseUrl: undefined,
      pgPoolMax: 10,
      sqliteSynchronous: 'NORMAL',
      groupCommitMs: 20,
      compactAfterUpdates: 500,
      storageRetryMs: 1000,
    })
    expect(c.scale).toEqual({ redisUrl: undefined })
    expect(c.socket).toEqual({
      maxMessageBytes: 8 * 1024 * 1024,
      heartbeatMs: 30_000,
      shutdownDrainMs: 200,
      limits: DEFAULT_SOCKET_LIMITS,
    })
    expect(c.http).toEqual({
      jsonMaxBytes: 65536,
      articleMaxBytes: 4194304,
      attachmentMaxBytes: 10485760,
      importBudget: { timeoutMs: 3000, concurrency: 2, queueMax: 16, heapMb: 256 },
    })
    expect(c.auth).toEqual({
      loginMaxPerAccount: 100,
      loginMaxPerAccountAddress: 10,
      loginMaxPerAddress: 100,
      loginMaxPerDevice: 10,
      loginWindowMs: 15 * 60_000,
      loginDeviceDays: 365,
      signupMaxPerAddress: 50,
      signupWindowMs: 60 * 60_000,
      joinMaxPerAddress: 200,
      joinFailuresPerAddress: 30,
      joinMaxPerWorkshop: 300,
      joinWindowMs: 10 * 60_000,
      trustProxy: false,
      allowedOrigins: [],
      csrfRequireOrigin: false,
      sessionDays: 30,
      guestSessionDays: 7,
      inviteDays: 7,
    })
    expect(c.test).toEqual({ holdAdmission: false })
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', PUBLIC_URL: '', TRUST_PROXY: '' })).toEqual(loadConfig({}))
  })

  it('reads values into their sections', () => {
    const c = loadConfig({
      PORT: '0',
      DATA_DIR: 'some/dir',
      DATABASE_URL: 'postgres://u@db:5432/fc',
      PG_POOL_MAX: '4',
      SQLITE_SYNCHRONOUS: 'full',
      REDIS_URL: 'redis://cache:6379',
      PUBLIC_URL: 'https://desk.example/',
      ALLOWED_ORIGINS: ' http://localhost:5173 , ,https://other.example/path',
      SOCKETS_PER_USER: '3',
      JSON_MAX_BYTES: '1000',
      IMPORT_CONCURRENCY: '0',
      LOG_LEVEL: 'silent',
    })
    expect(c.server.port).toBe(0)
    expect(c.server.publicUrl).toBe('https://desk.example')
    expect(c.server.logLevel).toBe('silent')
    expect(c.storage.dataDir).toBe(path.resolve('some/dir'))
    expect(c.storage.databaseUrl).toBe('postgres://u@db:5432/fc')
    expect(c.storage.pgPoolMax).toBe(4)
    expect(c.storage.sqliteSynchronous).toBe('FULL')
    expect(c.scale.redisUrl).toBe('redis://cache:6379')
    expect(c.auth.allowedOrigins).toEqual(['http://localhost:5173', 'https://other.example', 'https://desk.example'])
    expect(c.socket.limits.socketsPerUser).toBe(3)
    expect(c.http.jsonMaxBytes).toBe(1000)
    expect(c.http.importBudget.concurrency).toBe(1) // clamped, as before
  })

  it('names the variable of a bad integer', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT must be an integer >= 0, got "eighty"'])
    expect(problemsOf({ HEARTBEAT_MS: '1.5' })).toEqual(['HEARTBEAT_MS must be an integer >= 0, got "1.5"'])
    expect(problemsOf({ SESSION_DAYS: '0' })).toEqual(['SESSION_DAYS must be an integer >= 1, got "0"'])
    expect(problemsOf({ GROUP_COMMIT_MS: '51' })).toEqual(['GROUP_COMMIT_MS must be an integer from 0 to 50, got "51"'])
    expect(problemsOf({ PG_POOL_MAX: '-1' })).toEqual(['PG_POOL_MAX must be an integer >= 1, got "-1"'])
  })

  it('reports every problem together, in one message', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'x',
        TRUST_PROXY: 'maybe',
        DATABASE_URL: 'mysql://db',
        PUBLIC_URL: 'desk.example',
        ALLOWED_ORIGINS: 'http://ok.example,ftp://files.example',
        LOG_LEVEL: 'debug',
        SQLITE_SYNCHRONOUS: 'OFF',
        REDIS_URL: 'redis://ok:6379',
      })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const { problems, message } = error as ConfigError
    expect(problems).toHaveLength(7)
    for (const name of [
      'PORT',
      'TRUST_PROXY',
      'DATABASE_URL',
      'PUBLIC_URL',
      'ALLOWED_ORIGINS',
      'LOG_LEVEL',
      'SQLITE_SYNCHRONOUS',
    ]) {
      expect(problems.some((p) => p.startsWith(`${name} must be`))).toBe(true)
      expect(message).toContain(`  - ${name} must be`)
    }
    expect(message).toMatch(/^Invalid configuration \(7 problems\):\n/)
  })

  it('reads switches as 1 or 0', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).auth.trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '0' }).auth.trustProxy).toBe(false)
    expect(loadConfig({ CSRF_REQUIRE_ORIGIN: '1' }).auth.csrfRequireOrigin).toBe(true)
    expect(loadConfig({ FC_TEST_HOLD_ADMISSION: '1' }).test.holdAdmission).toBe(true)
    // The words the old auth loader took still work.
    expect(loadConfig({ TRUST_PROXY: 'true' }).auth.trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: 'No' }).auth.trustProxy).toBe(false)
    expect(problemsOf({ CSRF_REQUIRE_ORIGIN: 'on' })).toEqual(['CSRF_REQUIRE_ORIGIN must be 1 or 0, got "on"'])
  })
})
