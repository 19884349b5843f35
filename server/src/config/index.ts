import path from 'node:path'
import { type AuthConfig, loadAuthConfig } from './auth.js'
import { ConfigError, type Env, EnvReader, WEB_PROTOCOLS } from './env.js'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-limits.js'

export type { AuthConfig } from './auth.js'
export { ConfigError, type Env, EXIT_CONFIG } from './env.js'
export { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-limits.js'

/**
 * Every setting of the server, read from the environment in one place (main.ts passes
 * process.env in; nothing else in server/src reads it). Every limit is explicit and
 * configurable (docs/architecture.md, principles); each variable is in README.md's
 * Configuration table (config/readme.test.ts keeps the two in step).
 */
export interface Config {
  server: ServerConfig
  storage: StorageConfig
  scale: ScaleConfig
  socket: SocketConfig
  auth: AuthConfig
  http: HttpConfig
  /** Hooks of the integration tests only. */
  test: TestConfig
}

export interface ServerConfig {
  port: number
  host: string
  /** Where browsers reach this app, without a trailing slash (PUBLIC_URL); undefined: each request's own origin. */
  publicUrl: string | undefined
  /** The built web client served at / (CLIENT_DIST). */
  clientDist: string
  logLevel: 'silent' | 'info'
}

export interface StorageConfig {
  dataDir: string
  databaseUrl: string | undefined
  /** Connections of the PostgreSQL pool. */
  pgPoolMax: number
  /** Embedded store: NORMAL survives a killed process, FULL also power loss (an fsync per commit). */
  sqliteSynchronous: 'NORMAL' | 'FULL'
  /** Longest time an update waits in memory before its group commit. */
  groupCommitMs: number
  /** Log rows per document after which a background compaction folds them into the snapshot. */
  compactAfterUpdates: number
  /** While storage is full (disk full), how often the failed group commit is tried again. */
  storageRetryMs: number
}

export interface ScaleConfig {
  redisUrl: string | undefined
}

export interface SocketConfig {
  /** Largest socket frame accepted; larger frames close the socket with 1009. */
  maxMessageBytes: number
  /** Every socket is pinged this often; one that has not answered the previous ping is dropped. */
  heartbeatMs: number
  /** On SIGTERM, how long open sockets may still deliver frames before they are closed. */
  shutdownDrainMs: number
  /** Per-client bounds on the collaboration socket (docs/api.md, "Limits and failures"). */
  limits: SocketLimits
}

/** What the domain's article import takes (domain/article-import-pool.ts, ImportBudget). */
export interface ImportBudgetConfig {
  timeoutMs: number
  concurrency: number
  queueMax: number
  heapMb: number
}

export interface HttpConfig {
  /** Largest JSON body of any /api route (413 above); article creation takes articleMaxBytes. */
  jsonMaxBytes: number
  articleMaxBytes: number
  /** Largest evidence attachment (image or PDF) accepted; larger uploads get 413. */
  attachmentMaxBytes: number
  /** Article imports are parsed on worker threads within this budget (domain/article-import-pool.ts). */
  importBudget: ImportBudgetConfig
}

export interface TestConfig {
  /** FC_TEST_HOLD_ADMISSION=1: collab/access/admission-hold.ts holds sockets that ask for it. */
  holdAdmission: boolean
}

/**
 * The whole configuration, or a ConfigError listing every variable that breaks its rule.
 * Every variable is read on every call, whatever the others say (config/readme.test.ts relies on it).
 */
export function loadConfig(env: Env): Config {
  const r = new EnvReader(env)
  const publicUrl = r.url('PUBLIC_URL', WEB_PROTOCOLS)
  const config: Config = {
    server: {
      port: r.int('PORT', 8787),
      host: r.string('HOST') ?? '0.0.0.0',
      publicUrl: publicUrl?.replace(/\/$/, ''),
      clientDist: path.resolve(r.string('CLIENT_DIST') ?? new URL('../../../client/dist', import.meta.url).pathname),
      logLevel: r.oneOf('LOG_LEVEL', ['info', 'silent'], 'info'),
    },
    storage: {
      // Relative to the repo root by default, whichever folder the server was started from.
      dataDir: path.resolve(r.string('DATA_DIR') ?? new URL('../../../data', import.meta.url).pathname),
      databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      pgPoolMax: r.int('PG_POOL_MAX', 10, { min: 1 }),
      sqliteSynchronous: r.oneOf('SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'], 'NORMAL'),
      // At most 50: updates must reach disk within 100 ms.
      groupCommitMs: r.int('GROUP_COMMIT_MS', 20, { max: 50 }),
      compactAfterUpdates: r.int('COMPACT_AFTER_UPDATES', 500),
      storageRetryMs: r.int('STORAGE_RETRY_MS', 1000),
    },
    scale: {
      redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:']),
    },
    socket: {
      maxMessageBytes: r.int('MAX_MESSAGE_BYTES', 8 * 1024 * 1024),
      heartbeatMs: r.int('HEARTBEAT_MS', 30_000),
      shutdownDrainMs: r.int('SHUTDOWN_DRAIN_MS', 200),
      limits: loadSocketLimits(r),
    },
    auth: loadAuthConfig(r, publicUrl),
    http: {
      jsonMaxBytes: r.int('JSON_MAX_BYTES', 64 * 1024, { min: 1 }),
      articleMaxBytes: r.int('ARTICLE_MAX_BYTES', 4 * 1024 * 1024, { min: 1 }),
      attachmentMaxBytes: r.int('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024),
      importBudget: {
        // An honest 1 MB article parses in ~0.3 s; marked takes 31 s over 48 KB of `*a `.
        timeoutMs: Math.max(1, r.int('IMPORT_TIMEOUT_MS', 3000)),
        concurrency: Math.max(1, r.int('IMPORT_CONCURRENCY', 2)),
        queueMax: r.int('IMPORT_QUEUE_MAX', 16),
        // Below 32 MB the parsers alone leave no room for an article.
        heapMb: Math.max(32, r.int('IMPORT_WORKER_HEAP_MB', 256)),
      },
    },
    test: {
      holdAdmission: r.flag('FC_TEST_HOLD_ADMISSION'),
    },
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems)
  return config
}

function loadSocketLimits(r: EnvReader): SocketLimits {
  const d = DEFAULT_SOCKET_LIMITS
  return {
    pendingUpdates: r.int('PENDING_UPDATES_PER_SOCKET', d.pendingUpdates),
    pendingBytes: r.int('PENDING_BYTES_PER_SOCKET', d.pendingBytes),
    presenceBytes: r.int('PRESENCE_MAX_BYTES', d.presenceBytes),
    presenceDepth: r.int('PRESENCE_MAX_DEPTH', d.presenceDepth),
    presenceRate: r.int('PRESENCE_RATE_PER_SOCKET', d.presenceRate),
    presenceBurst: r.int('PRESENCE_BURST_PER_SOCKET', d.presenceBurst),
    presenceIds: r.int('PRESENCE_IDS_PER_SOCKET', d.presenceIds),
    stateVectorEntries: r.int('STATE_VECTOR_MAX_ENTRIES', d.stateVectorEntries),
    messageRate: r.int('MESSAGE_RATE_PER_SOCKET', d.messageRate),
    messageBurst: r.int('MESSAGE_BURST_PER_SOCKET', d.messageBurst),
    socketsPerUser: r.int('SOCKETS_PER_USER', d.socketsPerUser),
    socketsPerGuest: r.int('SOCKETS_PER_GUEST', d.socketsPerGuest),
    outgoingBytes: r.int('OUTGOING_BUFFER_MAX_BYTES', d.outgoingBytes),
    rejectLogLines: r.int('REJECT_LOG_LINES', d.rejectLogLines),
    rejectLogWindowMs: r.int('REJECT_LOG_WINDOW_MS', d.rejectLogWindowMs),
  }
}
