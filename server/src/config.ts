import path from 'node:path';

/**
 * Per-client bounds on the collaboration socket (docs/api.md, "Limits and failures"). Each
 * one, when broken, closes only the offending socket, with 1008 and a reason naming the
 * bound; the stock client reconnects and syncs, so nothing honest is lost.
 */
export interface SocketLimits {
  /** Updates of one socket waiting on structs the document lacks, and their bytes. */
  pendingUpdates: number;
  pendingBytes: number;
  /** One presence (awareness) entry's JSON: its size and how deep it nests. */
  presenceBytes: number;
  presenceDepth: number;
  /** Presence messages per second per socket, with a burst allowance. */
  presenceRate: number;
  presenceBurst: number;
  /** Distinct presence ids one socket may introduce over its life. */
  presenceIds: number;
  /** Entries a sync step 1 state vector may carry beyond the clients the document already has. */
  stateVectorEntries: number;
  /** Messages per second per socket, with a burst allowance. */
  messageRate: number;
  messageBurst: number;
  /** Open sockets per user account and per workshop guest session; more are refused with 1013. */
  socketsPerUser: number;
  socketsPerGuest: number;
  /** Bytes queued for one socket past which it is dropped instead of written to. */
  outgoingBytes: number;
  /** Rejected frames logged one line each per window; past that, one summary line per window. */
  rejectLogLines: number;
  rejectLogWindowMs: number;
}

/** The defaults of config.ts, for units that build a registry without a config. */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  pendingUpdates: 200,
  pendingBytes: 1024 * 1024,
  presenceBytes: 16 * 1024,
  presenceDepth: 32,
  presenceRate: 60,
  presenceBurst: 300,
  presenceIds: 16,
  stateVectorEntries: 10_000,
  messageRate: 300,
  messageBurst: 3000,
  socketsPerUser: 100,
  socketsPerGuest: 20,
  outgoingBytes: 8 * 1024 * 1024,
  rejectLogLines: 20,
  rejectLogWindowMs: 60_000,
};

/** Every limit is explicit and configurable through the environment (docs/architecture.md, principles). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Largest socket frame accepted; larger frames close the socket with 1009. */
  maxMessageBytes: number;
  /** Longest time an update waits in memory before its group commit. */
  groupCommitMs: number;
  /** Log rows per document after which a background compaction folds them into the snapshot. */
  compactAfterUpdates: number;
  /** Largest evidence attachment (image or PDF) accepted; larger uploads get 413. */
  attachmentMaxBytes: number;
  /** On SIGTERM, how long open sockets may still deliver frames before they are closed. */
  shutdownDrainMs: number;
  /** Every socket is pinged this often; one that has not answered the previous ping is dropped. */
  heartbeatMs: number;
  clientDist: string;
  /** Article imports are parsed on worker threads within this budget (domain/article-import-pool.ts). */
  importBudget: { timeoutMs: number; concurrency: number; queueMax: number; heapMb: number };
  logLevel: 'silent' | 'info';
  /** Per-client bounds on the collaboration socket (docs/api.md, "Limits and failures"). */
  socketLimits: SocketLimits;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const groupCommitMs = intFromEnv(env, 'GROUP_COMMIT_MS', 20);
  if (groupCommitMs > 50) throw new Error('GROUP_COMMIT_MS must be at most 50: updates must reach disk within 100 ms');
  return {
    port: intFromEnv(env, 'PORT', 8787),
    host: env.HOST ?? '0.0.0.0',
    // Relative to the repo root by default, whichever folder the server was started from.
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : new URL('../../data', import.meta.url).pathname,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    maxMessageBytes: intFromEnv(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024),
    groupCommitMs,
    compactAfterUpdates: intFromEnv(env, 'COMPACT_AFTER_UPDATES', 500),
    attachmentMaxBytes: intFromEnv(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024),
    shutdownDrainMs: intFromEnv(env, 'SHUTDOWN_DRAIN_MS', 200),
    heartbeatMs: intFromEnv(env, 'HEARTBEAT_MS', 30_000),
    clientDist: path.resolve(env.CLIENT_DIST ?? new URL('../../client/dist', import.meta.url).pathname),
    importBudget: {
      // An honest 1 MB article parses in ~0.3 s; marked takes 31 s over 48 KB of `*a `.
      timeoutMs: Math.max(1, intFromEnv(env, 'IMPORT_TIMEOUT_MS', 3000)),
      concurrency: Math.max(1, intFromEnv(env, 'IMPORT_CONCURRENCY', 2)),
      queueMax: intFromEnv(env, 'IMPORT_QUEUE_MAX', 16),
      // Below 32 MB the parsers alone leave no room for an article.
      heapMb: Math.max(32, intFromEnv(env, 'IMPORT_WORKER_HEAP_MB', 256)),
    },
    logLevel: env.LOG_LEVEL === 'silent' ? 'silent' : 'info',
    socketLimits: loadSocketLimits(env),
  };
}

function loadSocketLimits(env: NodeJS.ProcessEnv): SocketLimits {
  const d = DEFAULT_SOCKET_LIMITS;
  return {
    pendingUpdates: intFromEnv(env, 'PENDING_UPDATES_PER_SOCKET', d.pendingUpdates),
    pendingBytes: intFromEnv(env, 'PENDING_BYTES_PER_SOCKET', d.pendingBytes),
    presenceBytes: intFromEnv(env, 'PRESENCE_MAX_BYTES', d.presenceBytes),
    presenceDepth: intFromEnv(env, 'PRESENCE_MAX_DEPTH', d.presenceDepth),
    presenceRate: intFromEnv(env, 'PRESENCE_RATE_PER_SOCKET', d.presenceRate),
    presenceBurst: intFromEnv(env, 'PRESENCE_BURST_PER_SOCKET', d.presenceBurst),
    presenceIds: intFromEnv(env, 'PRESENCE_IDS_PER_SOCKET', d.presenceIds),
    stateVectorEntries: intFromEnv(env, 'STATE_VECTOR_MAX_ENTRIES', d.stateVectorEntries),
    messageRate: intFromEnv(env, 'MESSAGE_RATE_PER_SOCKET', d.messageRate),
    messageBurst: intFromEnv(env, 'MESSAGE_BURST_PER_SOCKET', d.messageBurst),
    socketsPerUser: intFromEnv(env, 'SOCKETS_PER_USER', d.socketsPerUser),
    socketsPerGuest: intFromEnv(env, 'SOCKETS_PER_GUEST', d.socketsPerGuest),
    outgoingBytes: intFromEnv(env, 'OUTGOING_BUFFER_MAX_BYTES', d.outgoingBytes),
    rejectLogLines: intFromEnv(env, 'REJECT_LOG_LINES', d.rejectLogLines),
    rejectLogWindowMs: intFromEnv(env, 'REJECT_LOG_WINDOW_MS', d.rejectLogWindowMs),
  };
}
