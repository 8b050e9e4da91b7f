import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_WORKING_SET, type WorkingSetSettings } from '@atendo/shared/sync/working-set';
import type { LoginLimits } from './auth/login-limits';
import { parseSecretKey } from './secrets/secret-box';

// The default data directory is the repository's `.data/`, found from this file rather than the
// working directory, so `npm start` from any folder uses the same database.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = path.join(repoRoot, '.data');
/** Where `npm start` builds the agent workspace (desktop/dist/renderer) for the server to serve. */
export const DEFAULT_WEB_DIR = path.join(repoRoot, 'desktop', 'dist', 'renderer');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

// ---- Web chat abuse limits (issue 10; sec-webchat) ------------------------------------------
// Anonymous visitors may open sessions and write, within these windows; 0 turns one off.
const limitVar = (fallback: number) =>
  z.coerce.number().int().min(0).max(1_000_000).default(fallback);
const WEBCHAT_LIMITS_ENV = {
  ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_MINUTE: limitVar(10),
  ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_HOUR: limitVar(50),
  ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_10S: limitVar(20),
  ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_HOUR: limitVar(300),
  ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_MINUTE: limitVar(120),
  ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_HOUR: limitVar(3000),
};

/** At most `points` requests per `seconds`; 0 points is no limit. */
export type RateWindow = { points: number; seconds: number };
export type WebchatLimits = {
  sessionsPerIp: RateWindow[];
  messagesPerVisitor: RateWindow[];
  messagesPerIp: RateWindow[];
};

function webchatLimits(e: { [K in keyof typeof WEBCHAT_LIMITS_ENV]: number }): WebchatLimits {
  return {
    sessionsPerIp: [
      { points: e.ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_MINUTE, seconds: 60 },
      { points: e.ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_HOUR, seconds: 3600 },
    ],
    messagesPerVisitor: [
      { points: e.ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_10S, seconds: 10 },
      { points: e.ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_HOUR, seconds: 3600 },
    ],
    messagesPerIp: [
      { points: e.ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_MINUTE, seconds: 60 },
      { points: e.ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_HOUR, seconds: 3600 },
    ],
  };
}
// ---- end of web chat abuse limits -----------------------------------------------------------

const EnvSchema = z.object({
  ...WEBCHAT_LIMITS_ENV,
  ATENDO_HOST: z.string().min(1).default('127.0.0.1'),
  ATENDO_PORT: z.coerce.number().int().min(0).max(65_535).default(4310),
  ATENDO_DATA_DIR: z.string().min(1).optional(),
  ATENDO_DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      hostname: /^.+$/,
      error: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/atendo',
    })
    .optional(),
  ATENDO_PUBLIC_URL: z.url().optional(),
  ATENDO_SEED_DEMO: booleanFlag.default(true),
  ATENDO_WEB_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ATENDO_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(12),
  ATENDO_WEBCHAT_TOKEN_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
  ATENDO_LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).max(10_000).default(5),
  ATENDO_LOGIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().positive().max(1440).default(15),
  ATENDO_LOGIN_ACCOUNT_LOCK_MINUTES: z.coerce.number().positive().max(1440).default(15),
  ATENDO_LOGIN_IP_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
  ATENDO_LOGIN_IP_WINDOW_MINUTES: z.coerce.number().positive().max(1440).default(1),
  ATENDO_LOGIN_IP_LOCK_MINUTES: z.coerce.number().positive().max(1440).default(15),
  ATENDO_TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]+$/, 'expected true, a number of proxies, or proxy addresses/subnets')
    .optional(),
  ATENDO_TRPC_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(25),
  ATENDO_STREAM_ROUND_MS: z.coerce.number().int().min(0).max(1000).default(40),
  ATENDO_SYNC_CLOSED_DAYS: z.coerce.number().min(0).max(365).default(7),
  WHATSAPP_GRAPH_BASE_URL: z.url().default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected a Graph API version such as v23.0')
    .default('v23.0'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  WHATSAPP_WEBHOOK_LIMIT_MB: z.coerce.number().positive().max(100).default(5),
  ATENDO_API_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(102_400).default(1024),
  ATENDO_ORPHAN_UPLOAD_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  ATENDO_SECRET_KEY: z
    .string()
    .refine((value) => parseSecretKey(value) !== null, {
      message: 'expected 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)',
    })
    .optional(),
});

/**
 * The server-wide WhatsApp Cloud API settings (one Meta app); each WhatsApp channel adds its
 * phone number id (the channel's externalId). Null when the secrets are not all set: the
 * server still starts, and the WhatsApp routes and sender say it is not configured.
 */
export type WhatsAppConfig = {
  graphBaseUrl: string;
  apiVersion: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  webhookLimitBytes: number;
};

export type InputLimits = {
  /** The largest tRPC request body (ATENDO_API_BODY_LIMIT_KB). */
  apiBodyBytes: number;
  /** How long an upload never attached to a message is kept (ATENDO_ORPHAN_UPLOAD_HOURS). */
  orphanUploadGraceMs: number;
};

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /**
   * A PostgreSQL URL (postgres:// or postgresql://) or null for the SQLite file in the data
   * directory. It may hold a password: log it only through describePostgresUrl.
   */
  databaseUrl: string | null;
  publicUrl: string | null;
  seedDemo: boolean;
  /** The built agent workspace, served at `/` when it holds an index.html. */
  webDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionTtlMs: number;
  /** How long a web chat visitor's token lets them back into their conversation. */
  webchatTokenTtlMs: number;
  /** Failed sign-ins tolerated per account and per client address (auth/login-limits.ts). */
  loginLimits: LoginLimits;
  /**
   * Express's `trust proxy`: false (the socket's address is the client's), true, a number of
   * proxies, or their addresses. Decides the address the sign-in limits and the access log see.
   */
  trustProxy: boolean | number | string;
  /** The most calls one batched tRPC request may carry; larger batches are refused whole. */
  trpcMaxBatchSize: number;
  /** Least time between two back-to-back fan-out rounds of the live stream (see fanout.ts). */
  streamRoundMs: number;
  /** What each agent's local store replicates (shared/src/sync/working-set.ts). */
  syncWorkingSet: WorkingSetSettings;
  whatsapp: WhatsAppConfig | null;
  /**
   * The Graph API's address and version and the webhook limit, also when the WHATSAPP_* secrets
   * are not set: channels may carry their own (admin console).
   */
  whatsappApi: Pick<WhatsAppConfig, 'graphBaseUrl' | 'apiVersion' | 'webhookLimitBytes'>;
  /** WHATSAPP_* secrets each on its own, the fallback of every channel's own ones. */
  whatsappEnvSecrets: {
    accessToken: string | null;
    appSecret: string | null;
    verifyToken: string | null;
  };
  /** Bounds on what clients send (security/input-limits.ts). */
  inputLimits: InputLimits;
  /** ATENDO_SECRET_KEY; null: the key file in the data directory (secrets/secret-box.ts). */
  secretKey: string | null;
  /** Web chat abuse limits (ATENDO_WEBCHAT_*_PER_*), see the block at the end of this file. */
  webchatLimits: WebchatLimits;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the server's settings; a bad value throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as shells and .env files commonly leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    host: e.ATENDO_HOST,
    port: e.ATENDO_PORT,
    dataDir: path.resolve(e.ATENDO_DATA_DIR ?? DEFAULT_DATA_DIR),
    databaseUrl: e.ATENDO_DATABASE_URL ?? null,
    publicUrl: e.ATENDO_PUBLIC_URL ?? null,
    seedDemo: e.ATENDO_SEED_DEMO,
    webDir: path.resolve(e.ATENDO_WEB_DIR ?? DEFAULT_WEB_DIR),
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.ATENDO_SESSION_TTL_HOURS * 3_600_000,
    webchatTokenTtlMs: Math.round(e.ATENDO_WEBCHAT_TOKEN_TTL_DAYS * 86_400_000),
    loginLimits: {
      accountFailures: e.ATENDO_LOGIN_ACCOUNT_FAILURES,
      accountWindowMs: Math.round(e.ATENDO_LOGIN_ACCOUNT_WINDOW_MINUTES * 60_000),
      accountLockMs: Math.round(e.ATENDO_LOGIN_ACCOUNT_LOCK_MINUTES * 60_000),
      ipFailures: e.ATENDO_LOGIN_IP_FAILURES,
      ipWindowMs: Math.round(e.ATENDO_LOGIN_IP_WINDOW_MINUTES * 60_000),
      ipLockMs: Math.round(e.ATENDO_LOGIN_IP_LOCK_MINUTES * 60_000),
    },
    trustProxy: trustProxy(e.ATENDO_TRUST_PROXY),
    trpcMaxBatchSize: e.ATENDO_TRPC_MAX_BATCH,
    streamRoundMs: e.ATENDO_STREAM_ROUND_MS,
    syncWorkingSet: {
      ...DEFAULT_WORKING_SET,
      closedWindowMs: Math.round(e.ATENDO_SYNC_CLOSED_DAYS * 86_400_000),
    },
    whatsapp: whatsAppConfig(e),
    whatsappApi: {
      graphBaseUrl: e.WHATSAPP_GRAPH_BASE_URL,
      apiVersion: e.WHATSAPP_GRAPH_VERSION,
      webhookLimitBytes: Math.round(e.WHATSAPP_WEBHOOK_LIMIT_MB * 1024 * 1024),
    },
    whatsappEnvSecrets: {
      accessToken: e.WHATSAPP_ACCESS_TOKEN ?? null,
      appSecret: e.WHATSAPP_APP_SECRET ?? null,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? null,
    },
    secretKey: e.ATENDO_SECRET_KEY ?? null,
    webchatLimits: webchatLimits(e),
    inputLimits: {
      apiBodyBytes: e.ATENDO_API_BODY_LIMIT_KB * 1024,
      orphanUploadGraceMs: Math.round(e.ATENDO_ORPHAN_UPLOAD_HOURS * 3_600_000),
    },
  };
}

function whatsAppConfig(e: z.infer<typeof EnvSchema>): WhatsAppConfig | null {
  const { WHATSAPP_ACCESS_TOKEN: accessToken, WHATSAPP_APP_SECRET: appSecret } = e;
  const verifyToken = e.WHATSAPP_VERIFY_TOKEN;
  if (accessToken === undefined || appSecret === undefined || verifyToken === undefined) {
    return null;
  }
  return {
    graphBaseUrl: e.WHATSAPP_GRAPH_BASE_URL,
    apiVersion: e.WHATSAPP_GRAPH_VERSION,
    accessToken,
    appSecret,
    verifyToken,
    webhookLimitBytes: Math.round(e.WHATSAPP_WEBHOOK_LIMIT_MB * 1024 * 1024),
  };
}

/** ATENDO_TRUST_PROXY as express takes it: a flag, a hop count, or addresses as written. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
